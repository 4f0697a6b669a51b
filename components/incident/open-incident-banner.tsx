"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** On every page of a family while a verification is open: the way back to it (not on its own page). */
export function OpenIncidentBanner({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  if (pathname === href) return null;
  return (
    <Link
      href={href}
      role="status"
      data-testid="open-incident-banner"
      className="no-print flex min-h-14 items-center justify-center rounded-xl bg-danger-700 px-4 text-center text-xl font-bold text-white"
    >
      {label}
    </Link>
  );
}
