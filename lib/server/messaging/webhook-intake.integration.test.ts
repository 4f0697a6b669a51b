// The lean intake as `npm start` runs it: a real node:http server in front, webhooks stored and
// handed over (INBOUND_PROCESSING=worker), acted on by the worker's listener when it wakes it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.INBOUND_PROCESSING = "worker";
const { db } = await import("@/lib/db");
const { createPerson } = await import("@/lib/server/people/people");
const { saveSecretWords } = await import("@/lib/server/secret-words/secret-words");
const { sendTestCheckIns } = await import("@/lib/server/check-ins/test-check-ins");
const { createTestFamily } = await import("@/tests/integration/factories");
const { recordOutgoingMessages } = await import("@/tests/integration/recording-provider");
const { inboundSms, signedWebhook } = await import("@/tests/integration/webhook-request");
const { drainJobs } = await import("@/tests/integration/jobs");
const { listenForInbound } = await import("./inbound-listener");
const { actOnNewInbound } = await import("./inbound");
const { REDACTED } = await import("@/lib/server/replies/receive-reply");
const { serveTwilioWebhook } = await import("./webhook-intake");
const { MAX_WEBHOOK_BYTES } = await import("./webhooks");

recordOutgoingMessages();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!serveTwilioWebhook(request, response)) response.writeHead(404, { "X-Passed-On": "1" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends a request built for the app (signed for PUBLIC_BASE_URL) to the intake's real socket. */
async function send(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return fetch(`${base}${url.pathname}${url.search}`, { method: "POST", headers: request.headers, body: await request.text() });
}

let counter = 0;
const newPhone = () => `+5255${String(process.pid % 1e4).padStart(4, "0")}${String(counter++).padStart(4, "0")}`;

async function familyAsking() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Intake" });
  const person = await createPerson({
    familyId: family.id,
    userId: ownerId,
    input: { name: "Ana", phone: newPhone(), locale: "es", notes: "" },
  });
  await saveSecretWords({ familyId: family.id, userId: ownerId, input: { safeWord: "mazapan", duressWord: "girasol" } });
  const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
  await drainJobs();
  return { phone: person.phone, checkIn: checkIn! };
}

async function waitUntil(check: () => Promise<boolean>) {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 300) throw new Error("the worker never acted on the stored webhooks");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the lean webhook intake, handing over to the worker", () => {
  it("answers once the text is stored; the worker, woken, acts on it in the order texts came", async () => {
    const { phone, checkIn } = await familyAsking();
    const first = inboundSms(phone, "estoy bien");
    const second = inboundSms(phone, "Mazapán");
    for (const params of [first, second]) {
      const response = await send(signedWebhook("/api/twilio/sms", params));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("<Response/>");
    }
    const stored = await db.inboundWebhook.findMany({
      where: { providerKey: { in: [first.MessageSid, second.MessageSid] } },
      orderBy: { receivedAt: "asc" },
    });
    expect(stored.map((row) => [row.body, row.processedAt])).toEqual([
      ["estoy bien", null],
      [REDACTED, null],
    ]);
    // Nothing acted on yet: the answer did not wait for it.
    expect((await db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).repliedAt).toBeNull();

    // The worker, listening (its fallback look pushed out of the test's reach), is woken and
    // acts on both, the first text first: the test check-in takes the first answer.
    const listener = listenForInbound({ fallbackLookMs: 3_600_000 });
    try {
      await listener.listening;
      await waitUntil(
        async () => (await db.inboundWebhook.count({ where: { id: { in: stored.map((row) => row.id) }, processedAt: null } })) === 0,
      );
      const third = inboundSms(phone, "sigo aquí");
      expect((await send(signedWebhook("/api/twilio/sms", third))).status).toBe(200);
      await waitUntil(
        async () => (await db.inboundWebhook.findUniqueOrThrow({ where: { providerKey: third.MessageSid } })).processedAt !== null,
      );
    } finally {
      await listener.stop();
    }
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).toMatchObject({ reply: "estoy bien" });
  });

  it("acts at once on a repeated delivery that the worker has not reached, and once only", async () => {
    const { phone, checkIn } = await familyAsking();
    const params = inboundSms(phone, "aquí estoy");
    expect((await send(signedWebhook("/api/twilio/sms", params))).status).toBe(200);
    expect((await send(signedWebhook("/api/twilio/sms", params))).status).toBe(200);
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: checkIn.id } })).toMatchObject({ reply: "aquí estoy" });
    // The worker's pass finds nothing left to act on.
    expect(await actOnNewInbound()).toBe(0);
    expect(await db.inboundWebhook.count({ where: { providerKey: params.MessageSid } })).toBe(1);
  });

  it("stores a text that no question waits for as already acted on, but still acts on STOP from it", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Sin Pregunta" });
    const person = await createPerson({
      familyId: family.id,
      userId: ownerId,
      input: { name: "Luis", phone: newPhone(), locale: "es", notes: "" },
    });
    const stray = inboundSms(person.phone, "¿me llamaron?");
    const stop = inboundSms(person.phone, "ALTO");
    for (const params of [stray, stop]) expect((await send(signedWebhook("/api/twilio/sms", params))).status).toBe(200);
    expect((await db.inboundWebhook.findUniqueOrThrow({ where: { providerKey: stray.MessageSid } })).processedAt).toBeInstanceOf(Date);
    expect((await db.inboundWebhook.findUniqueOrThrow({ where: { providerKey: stop.MessageSid } })).processedAt).toBeNull();
    expect(await actOnNewInbound()).toBe(1);
    expect(await db.smsOptOut.count({ where: { phone: person.phone } })).toBe(1);
  });

  it("refuses a chunked body past the cap while the client is still sending, and the client reads the refusal", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${base}/api/twilio/sms`,
        { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" } },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      const chunk = Buffer.alloc(256 * 1024, "x");
      let sent = 0;
      const write = () => {
        while (sent < 24 * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", write);
        }
        request.end();
      };
      write();
    });
    expect(status).toBe(413);
  });

  it("refuses forged and oversized requests before storing anything, and passes every other request on", async () => {
    const params = inboundSms(newPhone(), "hola");
    expect((await send(signedWebhook("/api/twilio/sms", params, { signature: "bm90IGEgc2lnbmF0dXJl" }))).status).toBe(403);
    const huge = await fetch(`${base}/api/twilio/sms`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "Body=" + "x".repeat(MAX_WEBHOOK_BYTES),
    });
    expect(huge.status).toBe(413);
    expect(await db.inboundWebhook.count({ where: { providerKey: params.MessageSid } })).toBe(0);
    for (const path of ["/api/twilio/sms/other", "/api/health", "/family"]) {
      expect((await fetch(`${base}${path}`, { method: "POST", body: "x" })).headers.get("x-passed-on")).toBe("1");
    }
    expect((await fetch(`${base}/api/twilio/sms`)).headers.get("x-passed-on")).toBe("1");
  });
});
