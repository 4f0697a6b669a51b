"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * Subscribes to the incident's event stream and re-renders the page from the server when the
 * timeline grows. EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
 */
export function LiveUpdates({ familyId, incidentId, lastEventId }: { familyId: string; incidentId: string; lastEventId: string }) {
  const router = useRouter();
  const t = useTranslations("incident");
  const [connected, setConnected] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const source = new EventSource(`/api/incidents/${incidentId}/events?family=${familyId}&after=${lastEventId}`);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("incident", () => {
      // Several events arrive together: one refresh for the burst.
      clearTimeout(pending.current);
      pending.current = setTimeout(() => router.refresh(), 100);
    });
    return () => {
      clearTimeout(pending.current);
      source.close();
    };
    // lastEventId only seeds the first connection; later ones use Last-Event-ID.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [familyId, incidentId, router]);

  return (
    <p className="no-print text-sm text-gray-700" data-testid="live-state" data-connected={connected}>
      {connected ? `● ${t("live")}` : t("reconnecting")}
    </p>
  );
}
