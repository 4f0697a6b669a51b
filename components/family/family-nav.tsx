"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The family's pages: a row on a wide screen, a menu on a phone so a page's own content comes
 * first. Not on the person picker of a new verification: there, on a phone, the people, "I don't
 * know" and the drill choice must all be on the first screen.
 */
export function FamilyNav({ label, menuLabel, links }: { label: string; menuLabel: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  if (pathname.endsWith("/incidents/new")) return null;
  const list = (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 pt-2 sm:pt-0">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="flex min-h-11 items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900 hover:bg-gray-200"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  return (
    <>
      <details className="no-print sm:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900">
          {menuLabel}
        </summary>
        {list}
      </details>
      <div className="no-print hidden sm:block">{list}</div>
    </>
  );
}
