"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * Subscribes to the incident's event stream and re-renders the page from the server when the
 * timeline grows. The stream resumes after the last event seen (EventSource's Last-Event-ID on
 * its own reconnects, `after=` when the phone comes back online), and the page is rendered from
 * the database, so no event is missed or shown twice.
 */
export function LiveUpdates({ familyId, incidentId, lastEventId }: { familyId: string; incidentId: string; lastEventId: string }) {
  const router = useRouter();
  const t = useTranslations("incident");
  const [connected, setConnected] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSeen = useRef(lastEventId);

  useEffect(() => {
    let source: EventSource | null = null;
    const refresh = () => {
      clearTimeout(pending.current);
      // Several events arrive together: one refresh for the burst, and none while offline.
      pending.current = setTimeout(() => navigator.onLine && router.refresh(), 100);
    };
    const open = () => {
      source = new EventSource(`/api/incidents/${incidentId}/events?family=${familyId}&after=${lastSeen.current}`);
      source.onopen = () => setConnected(true);
      source.onerror = () => setConnected(false);
      source.addEventListener("incident", (event) => {
        lastSeen.current = (event as MessageEvent).lastEventId || lastSeen.current;
        refresh();
      });
    };
    const close = () => {
      source?.close();
      source = null;
      setConnected(false);
    };
    const goneOffline = () => close();
    const backOnline = () => {
      if (!source) open();
      refresh();
    };
    open();
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);
    return () => {
      clearTimeout(pending.current);
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
      close();
    };
  }, [familyId, incidentId, router]);

  return (
    <p className="no-print text-sm text-gray-700" data-testid="live-state" data-connected={connected}>
      {connected ? `● ${t("live")}` : t("reconnecting")}
    </p>
  );
}
