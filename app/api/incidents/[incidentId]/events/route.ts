import { headers } from "next/headers";
import { isAppError, toErrorResponse } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { requireIncident } from "@/lib/server/incidents/manage-incident";
import { subscribeToIncident } from "@/lib/server/incidents/live";

export const dynamic = "force-dynamic";

/**
 * The live timeline of an incident as Server-Sent Events. Each event's id is its position in
 * the timeline, so a reconnecting browser (Last-Event-ID) receives exactly what it missed.
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

  const lastSeen = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  let cursor = /^\d{1,19}$/.test(lastSeen) ? BigInt(lastSeen) : BigInt(0);
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: NodeJS.Timeout | undefined;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sending = Promise.resolve();
      const flush = () => {
        sending = sending.then(async () => {
          const events = await db.incidentEvent.findMany({ where: { incidentId, id: { gt: cursor } }, orderBy: { id: "asc" }, take: 500 });
          for (const event of events) {
            controller.enqueue(encoder.encode(`id: ${event.id}\nevent: incident\ndata: ${JSON.stringify({ type: event.type, at: event.createdAt })}\n\n`));
            cursor = event.id;
          }
        }).catch(() => undefined);
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      unsubscribe = await subscribeToIncident(incidentId, flush);
      flush();
      heartbeat = setInterval(() => controller.enqueue(encoder.encode(": keep-alive\n\n")), 15_000);
      request.signal.addEventListener("abort", () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {}
      });
    },
    cancel() {
      clearInterval(heartbeat);
      unsubscribe();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
