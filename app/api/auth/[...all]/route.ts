import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { readCappedBody } from "@/lib/read-capped-body";
import { AUTH_BODY_MAX_BYTES, withClientAddress } from "@/lib/server/auth/credential-policy";

const handlers = toNextJsHandler(auth);

/** The library sees the client's address as the app decides it, never as the client claims it. */
function fromTrustedAddress(request: Request, body?: Uint8Array<ArrayBuffer>): Request {
  const headers = withClientAddress(request.headers);
  if (body) {
    // The bytes are passed on whole: the length is theirs, no longer the client's framing.
    headers.delete("transfer-encoding");
    headers.set("content-length", String(body.byteLength));
  }
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

export const GET = (request: Request) => handlers.GET(fromTrustedAddress(request));

/**
 * The proxy's cap on action bodies does not cover /api/*: the body is read here, as a stream,
 * and refused as soon as it passes AUTH_BODY_MAX_BYTES (at once when its declared length does),
 * so an anonymous sign-in with a huge body is never held in memory.
 */
export async function POST(request: Request) {
  const body = await readCappedBody(request.body, AUTH_BODY_MAX_BYTES, request.headers.get("content-length"));
  if (body === null) {
    return Response.json({ code: "PAYLOAD_TOO_LARGE", message: "Request body too large." }, { status: 413 });
  }
  return handlers.POST(fromTrustedAddress(request, body as Uint8Array<ArrayBuffer>));
}
