"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print min-h-12 rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
    >
      {label}
    </button>
  );
}
