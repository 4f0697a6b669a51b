"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The family's pages. Not on the person picker of a new verification: there, on a phone, the
 * people, "I don't know" and the drill choice must all be on the first screen.
 */
export function FamilyNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  if (pathname.endsWith("/incidents/new")) return null;
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="flex min-h-11 items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900 hover:bg-gray-200">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
