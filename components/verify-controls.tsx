"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * One control per family the adult belongs to, each opening that family's people directly.
 * Not on a live verification's own screen, where the verdict has the first lines.
 */
export function VerifyControls({ controls }: { controls: { href: string; label: string }[] }) {
  const pathname = usePathname();
  if (/^\/family\/[^/]+\/incidents\/(?!new$)[^/]+$/.test(pathname)) return null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-2 px-4 pb-3">
      {controls.map((control) => (
        <Link
          key={control.href}
          href={control.href}
          className="flex min-h-14 items-center justify-center rounded-xl bg-danger-700 px-4 py-2 text-center text-xl leading-tight font-bold text-balance text-white"
        >
          {control.label}
        </Link>
      ))}
    </div>
  );
}
