// The auth library's endpoints are outside the proxy's action-body cap (proxy.ts skips api/):
// the route handler caps what it hands the library.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { AUTH_BODY_MAX_BYTES } from "@/lib/server/auth/credential-policy";
import { lazyBody } from "@/tests/integration/lazy-body";
import { POST } from "./route";

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000", [PEER_ADDRESS_HEADER]: "203.0.113.77", ...headers },
    body,
    duplex: "half",
  } as RequestInit & { duplex: "half" };
  return POST(new Request(`http://localhost:3000/api/auth${path}`, init));
}

describe("POST /api/auth/*", () => {
  it("refuses a streamed body past 16 KiB with 413, without reading the rest", async () => {
    expect(AUTH_BODY_MAX_BYTES).toBe(16 * 1024);
    const total = 64 * 1024 * 1024;
    const { stream, state } = lazyBody(total, 4 * 1024);
    const response = await post("/sign-in/email", stream);
    expect(response.status).toBe(413);
    expect(state.cancelled).toBe(true);
    expect(state.pulledBytes).toBeLessThan(total / 100);
  });

  it("answers 413 at once to a declared Content-Length past the cap", async () => {
    const { stream, state } = lazyBody(64 * 1024 * 1024, 4 * 1024);
    const response = await post("/sign-in/email", stream, { "content-length": String(64 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(state.pulledBytes).toBe(0);
  });

  it("passes a body within the cap on to the library, streamed or not", async () => {
    const email = `${randomUUID()}@example.test`;
    const body = JSON.stringify({ name: "Ana", email, password: "una frase bastante larga" });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const response = await post("/sign-up/email", stream);
    expect(response.status).toBe(200);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const signIn = await post("/sign-in/email", JSON.stringify({ email, password: "una frase bastante larga" }));
    expect(signIn.status).toBe(200);
  });
});
