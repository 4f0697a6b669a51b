import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { isAppError, toErrorResponse } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import { localizeLiveUpdate } from "@/components/incident/live-payload";
import { isStillMember } from "@/lib/server/family/require-membership";
import { requireIncident } from "@/lib/server/incidents/manage-incident";
import { subscribeToLiveUpdates } from "@/lib/server/incidents/live";
import { LIVE_EVENTS_PER_READ, readLiveUpdate, type LiveUpdate } from "@/lib/server/incidents/live-view";

export const dynamic = "force-dynamic";

/**
 * The live timeline of an incident as Server-Sent Events. Each message carries the new timeline
 * entries, in the reader's language, and the view they led to, so the page applies it without
 * reading anything again. Its id is the last entry's position in the timeline, so a reconnecting
 * browser (Last-Event-ID) receives exactly what it missed. The caller is authorized once, here.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/incidents/[incidentId]/events">) {
  const { incidentId } = await params;
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const familyId = new URL(request.url).searchParams.get("family") ?? "";
  try {
    await requireIncident({ familyId, userId: session.user.id, incidentId });
  } catch (error) {
    return isAppError(error) ? toErrorResponse(error) : Response.json({ error: "unavailable" }, { status: 503 });
  }
  const [t, format] = await Promise.all([getTranslations("incident"), getFormatter()]);

  const lastSeen = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  let cursor = /^\d{1,19}$/.test(lastSeen) ? BigInt(lastSeen) : BigInt(0);
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (update: LiveUpdate | null) => {
        if (closed || !update) return;
        const fresh = update.events.filter((event) => BigInt(event.id) > cursor);
        if (fresh.length === 0) return;
        cursor = BigInt(fresh.at(-1)!.id);
        const payload = localizeLiveUpdate(t, format, { ...update, events: fresh });
        controller.enqueue(encoder.encode(`id: ${cursor}\nevent: incident\ndata: ${JSON.stringify(payload)}\n\n`));
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      // Subscribe first, then read what was missed: an event between the two reaches us either way.
      unsubscribe = await subscribeToLiveUpdates(incidentId, send);
      for (;;) {
        const missed = await readLiveUpdate({ incidentId, afterEventId: cursor }).catch(() => null);
        // A position past the timeline's end (made up, or from a restored database) would skip
        // every event to come: start from the end instead.
        if (missed && cursor > BigInt(missed.lastEventId)) cursor = BigInt(missed.lastEventId);
        send(missed);
        if (!missed || missed.events.length < LIVE_EVENTS_PER_READ) break;
      }
      // Every beat also asks again whether the adult still belongs to the family: one removed
      // stops receiving within a beat, at no cost per event.
      heartbeat = setInterval(() => {
        isStillMember({ familyId, userId: session.user.id }).then(
          (member) => {
            if (closed) return;
            if (member) return controller.enqueue(encoder.encode(": keep-alive\n\n"));
            closed = true;
            clearInterval(heartbeat);
            unsubscribe();
            controller.close();
          },
          () => undefined, // the database is away: the next beat asks again
        );
      }, 15_000);
      request.signal.addEventListener("abort", () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
