import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { withClientAddress } from "@/lib/server/auth/credential-policy";

const handlers = toNextJsHandler(auth);

/** The library sees the client's address as the app decides it, never as the client claims it. */
function fromTrustedAddress(request: Request): Request {
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: withClientAddress(request.headers), body: request.body, signal: request.signal };
  if (request.body) init.duplex = "half";
  return new Request(request.url, init);
}

export const GET = (request: Request) => handlers.GET(fromTrustedAddress(request));
export const POST = (request: Request) => handlers.POST(fromTrustedAddress(request));
