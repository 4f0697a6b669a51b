import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { isAppError, toErrorResponse } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import { localizeLiveUpdate } from "@/components/incident/live-payload";
import { isStillMember } from "@/lib/server/family/require-membership";
import { requireIncident } from "@/lib/server/incidents/manage-incident";
import { LIVE_LOOKBACK_SECONDS, subscribeToLiveUpdates } from "@/lib/server/incidents/live";
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
  const sent = new Set<string>();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const stop = () => {
    if (closed) return false;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    return true;
  };

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      request.signal.addEventListener("abort", () => {
        if (stop()) controller.close();
      });
      // Entries are sent once each, by id (they may commit out of order); the view goes with
      // every update, since a late commit can change it without a new entry for this stream.
      const send = (update: LiveUpdate) => {
        if (closed) return;
        const fresh = update.events.filter((event) => !sent.has(event.id));
        for (const event of fresh) {
          sent.add(event.id);
          if (BigInt(event.id) > cursor) cursor = BigInt(event.id);
        }
        const payload = localizeLiveUpdate(t, format, { ...update, events: fresh });
        controller.enqueue(encoder.encode(`id: ${cursor}\nevent: incident\ndata: ${JSON.stringify(payload)}\n\n`));
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      // Subscribe first, then read what was missed: an event between the two reaches us either
      // way. Updates that arrive during the catch-up wait for it, so they never overtake it.
      let held: LiveUpdate[] | null = [];
      const subscribed = await subscribeToLiveUpdates(incidentId, (update) => (held ? held.push(update) : send(update))).catch(() => null);
      if (!subscribed || closed) {
        subscribed?.();
        if (stop()) controller.close();
        return;
      }
      unsubscribe = subscribed;
      for (let after = cursor; ;) {
        const missed = await readLiveUpdate({ incidentId, afterEventId: after, lookbackSeconds: LIVE_LOOKBACK_SECONDS }).catch(() => null);
        if (!missed || closed) break;
        // A position past the timeline's end (made up, or from a restored database) would skip
        // every event to come: start from the end instead.
        if (cursor > BigInt(missed.lastEventId)) cursor = BigInt(missed.lastEventId);
        send(missed);
        if (missed.events.length < LIVE_EVENTS_PER_READ) break;
        after = BigInt(missed.events.at(-1)!.id);
      }
      for (const update of held) send(update);
      held = null;
      // Every beat also asks again whether the adult still belongs to the family: one removed
      // stops receiving within a beat, at no cost per event.
      heartbeat = setInterval(() => {
        isStillMember({ familyId, userId: session.user.id }).then(
          (member) => {
            if (closed) return;
            if (member) controller.enqueue(encoder.encode(": keep-alive\n\n"));
            else if (stop()) controller.close();
          },
          () => undefined, // the database is away: the next beat asks again
        );
      }, 15_000);
      if (closed) clearInterval(heartbeat);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
