import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptTwilioWebhook, isTwilioWebhookPath, MAX_WEBHOOK_BYTES } from "./webhooks";

/**
 * The lean intake: provider webhooks served straight from node:http, in front of Next on the
 * same port (scripts/web-server.ts), because Next's route handler alone costs more than the
 * whole intake's budget (docs/decisions/017-lean-webhook-intake.md). Transport only: the body
 * is read under the same cap, and `acceptTwilioWebhook` verifies, stores and hands over exactly
 * as it does behind Next's route. Returns false when the request is not a webhook.
 */
export function serveTwilioWebhook(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (request.method !== "POST" || !isTwilioWebhookPath(pathname)) return false;
  void readBody(request).then(
    async (text) => {
      const answer =
        text === null
          ? new Response("Payload too large", { status: 413 })
          : await acceptTwilioWebhook({
              pathname,
              search: queryAt === -1 ? "" : url.slice(queryAt),
              contentType: request.headers["content-type"] ?? null,
              signature: firstValue(request.headers["x-twilio-signature"]),
              text,
            });
      if (text === null) discardRest(request);
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    },
    () => {
      // The client went away mid-body: nothing was stored, nobody is waiting for an answer.
      request.destroy();
    },
  );
  return true;
}

/** The longest a refused body may keep its connection busy while its rest is thrown away. */
const DISCARD_FOR_MS = 30_000;

/**
 * What is left of a refused body is read and dropped as it comes (never held), so that a client
 * still sending gets to read the refusal; one that sends for too long loses the connection.
 */
function discardRest(request: IncomingMessage) {
  const cutOff = setTimeout(() => request.destroy(), DISCARD_FOR_MS);
  request.once("close", () => clearTimeout(cutOff));
  request.resume();
}

function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The body as text, or null as soon as it passes the cap (nothing past the cap is kept). */
function readBody(request: IncomingMessage): Promise<string | null> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) {
    request.pause();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_WEBHOOK_BYTES) {
        request.removeAllListeners("data");
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
