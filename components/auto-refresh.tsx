"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-renders the page from the server every `intervalMs` while `active` (until live updates arrive). */
export function AutoRefresh({ active, intervalMs = 1500 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
