"use client";
import { useState, type ReactNode } from "react";

/**
 * A <details> whose open state belongs to the reader: a server re-render after a save (which
 * may change what `initiallyOpen` would say) never closes it under the reader's hands.
 */
export function Disclosure({ summary, initiallyOpen, children }: { summary: ReactNode; initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="rounded-lg border-2 border-gray-300 p-3" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">{summary}</summary>
      <div className="pt-3">{children}</div>
    </details>
  );
}
