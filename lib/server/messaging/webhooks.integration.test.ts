import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPerson } from "@/lib/server/people/people";
import { saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { sendTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { createTestFamily, uniquePhone } from "@/tests/integration/factories";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { callSid, inboundSms, messageSid, signedWebhook } from "@/tests/integration/webhook-request";
import { REDACTED } from "@/lib/server/replies/receive-reply";
import { drainJobs } from "@/tests/integration/jobs";
import { handleTwilioWebhook, MAX_WEBHOOK_BYTES } from "./webhooks";
import { lazyBody } from "@/tests/integration/lazy-body";

const sent = recordOutgoingMessages();
// Whatever an earlier test queued is sent before this one starts counting.
beforeEach(async () => {
  await drainJobs();
  sent.length = 0;
});

const newPhone = () => uniquePhone();

async function familyWithPerson() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Webhook" });
  const phone = newPhone();
  const person = await createPerson({ familyId: family.id, userId: ownerId, input: { name: "Ana", phone, locale: "es", notes: "" } });
  return { family, ownerId, person, phone: person.phone };
}

const post = (path: string, params: Record<string, string>, options?: Parameters<typeof signedWebhook>[2]) =>
  handleTwilioWebhook(signedWebhook(path, params, options));

describe("webhook signatures", () => {
  it("refuses forged, missing and wrongly-keyed signatures with 403, storing nothing", async () => {
    const params = inboundSms(newPhone(), "hola");
    for (const options of [{ signature: null }, { signature: "bm90IGEgc2lnbmF0dXJl" }, { token: "another-token" }]) {
      expect((await post("/api/twilio/sms", params, options)).status).toBe(403);
    }
    // Signed for one URL, replayed to another.
    const signedForStatus = signedWebhook("/api/twilio/status", params);
    const replayed = new Request("http://10.0.0.7:3000/api/twilio/sms", {
      method: "POST",
      headers: signedForStatus.headers,
      body: new URLSearchParams(params).toString(),
    });
    expect((await handleTwilioWebhook(replayed)).status).toBe(403);
    // Tampered body.
    const tampered = signedWebhook("/api/twilio/sms", params, { body: new URLSearchParams({ ...params, Body: "otra cosa" }).toString() });
    expect((await handleTwilioWebhook(tampered)).status).toBe(403);
    expect(await db.inboundWebhook.count({ where: { providerKey: params.MessageSid } })).toBe(0);
  });

  it("checks against PUBLIC_BASE_URL, not the request's own host", async () => {
    const response = await post("/api/twilio/sms", inboundSms(newPhone(), "hola"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Response/>");
  });
});

describe("malformed and oversized bodies", () => {
  it("answers 400, 413 and 415, never 500", async () => {
    expect((await post("/api/twilio/sms", { From: "+525511112222", Body: "sin sid" })).status).toBe(400);
    expect((await post("/api/twilio/sms", { ...inboundSms("+525511112222", "x"), MessageSid: "SM123" })).status).toBe(400);
    expect((await post("/api/twilio/status", { MessageSid: messageSid() })).status).toBe(400);
    expect((await post("/api/twilio/voice/gather", { CallSid: callSid(), Digits: "1; DROP TABLE" })).status).toBe(400);
    const huge = inboundSms("+525511112222", "x".repeat(MAX_WEBHOOK_BYTES));
    expect((await post("/api/twilio/sms", huge)).status).toBe(413);
    expect((await post("/api/twilio/sms", inboundSms("+525511112222", "x"), { contentType: "application/json" })).status).toBe(415);
  });
});

describe("a body past the byte cap", () => {
  it("is refused as soon as the cap is passed, without reading the rest (150 MB chunked, no Content-Length)", async () => {
    const { stream, state } = lazyBody(150 * 1024 * 1024);
    const request = new Request("http://10.0.0.7:3000/api/twilio/sms", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const before = process.memoryUsage().arrayBuffers;
    const response = await handleTwilioWebhook(request);
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(response.status).toBe(413);
    expect(state.cancelled).toBe(true);
    // The cap (64 KB) plus what the stream had queued ahead, never the 150 MB.
    expect(state.pulledBytes).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 4 * 64 * 1024);
    expect(grew).toBeLessThan(16 * 1024 * 1024);
  });

  it("is refused from its Content-Length before a byte is read", async () => {
    const { stream, state } = lazyBody(1024 * 1024);
    const request = new Request("http://10.0.0.7:3000/api/twilio/sms", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(1024 * 1024) },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect((await handleTwilioWebhook(request)).status).toBe(413);
    expect(state.pulledBytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("inbound SMS", () => {
  it("answers an open test check-in, and the same MessageSid twice is processed once", async () => {
    const { family, ownerId, phone } = await familyWithPerson();
    const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
    const params = inboundSms(phone, "OK");
    expect((await post("/api/twilio/sms", params)).status).toBe(200);
    expect((await post("/api/twilio/sms", params)).status).toBe(200);
    expect(await db.inboundWebhook.count({ where: { providerKey: params.MessageSid } })).toBe(1);
    const answered = await db.checkIn.findUniqueOrThrow({ where: { id: checkIn!.id } });
    expect(answered).toMatchObject({ reply: "OK" });
    expect(answered.repliedAt).toBeInstanceOf(Date);
  });

  it("stores a reply that is a secret word redacted", async () => {
    const { family, ownerId, phone } = await familyWithPerson();
    await saveSecretWords({ familyId: family.id, userId: ownerId, input: { safeWord: "mazapan", duressWord: "girasol" } });
    await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
    const params = inboundSms(phone, " Mazapán ");
    await post("/api/twilio/sms", params);
    const stored = await db.inboundWebhook.findUniqueOrThrow({ where: { providerKey: params.MessageSid } });
    expect(stored.body).toBe(REDACTED);
    expect(JSON.stringify(stored.params).toLowerCase()).not.toContain("mazap");
    expect((await db.checkIn.findFirstOrThrow({ where: { phone } })).reply).toBe(REDACTED);
  });

  it("honours STOP and START, in Spanish too", async () => {
    const { family, ownerId, phone } = await familyWithPerson();
    await post("/api/twilio/sms", inboundSms(phone, "ALTO"));
    expect(await db.smsOptOut.count({ where: { phone } })).toBe(1);
    sent.length = 0;
    const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
    await drainJobs();
    expect(sent).toHaveLength(0);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: checkIn!.messageId! } })).toMatchObject({
      status: "failed",
      errorCode: "opted_out",
    });
    await post("/api/twilio/sms", inboundSms(phone, "START"));
    await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
    await drainJobs();
    expect(sent.map((message) => message.to)).toEqual([phone]);
  });

  it("answers HELP in the sender's language", async () => {
    const { phone } = await familyWithPerson();
    sent.length = 0;
    await post("/api/twilio/sms", inboundSms(phone, "ayuda"));
    await drainJobs();
    expect(sent).toEqual([{ to: phone, body: expect.stringContaining("Responde ALTO") }]);
  });

  it("gives an unknown sender one short generic answer a day, and keeps the message", async () => {
    const stranger = newPhone();
    sent.length = 0;
    const first = inboundSms(stranger, "quien es?");
    await post("/api/twilio/sms", first);
    await post("/api/twilio/sms", inboundSms(stranger, "hola??"));
    await drainJobs();
    expect(sent).toEqual([{ to: stranger, body: expect.stringContaining("planes de seguridad familiar") }]);
    expect(await db.inboundWebhook.count({ where: { fromNumber: stranger } })).toBe(2);
    expect((await db.outboundMessage.findFirstOrThrow({ where: { to: stranger } })).familyId).toBeNull();
  });
});

describe("status callbacks", () => {
  it("only move a message forward, whatever order they arrive in", async () => {
    const { family, ownerId } = await familyWithPerson();
    const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "everyone" } });
    await drainJobs();
    const message = await db.outboundMessage.findUniqueOrThrow({ where: { id: checkIn!.messageId! } });
    const callback = (status: string) =>
      post(`/api/twilio/status?m=${message.id}`, { MessageSid: message.providerSid!, MessageStatus: status });
    await callback("delivered");
    await callback("sent");
    await callback("queued");
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("delivered");
    await callback("delivered");
    expect(await db.inboundWebhook.count({ where: { providerKey: `${message.providerSid}:delivered` } })).toBe(1);
  });

  it("reconcile a message whose send timed out, by our id", async () => {
    const message = await db.outboundMessage.create({
      data: {
        to: newPhone(),
        body: "x",
        locale: "es",
        purpose: "test",
        channel: "sms",
        provider: "twilio",
        status: "failed",
        errorCode: "timeout",
        segments: 1,
      },
    });
    const sid = messageSid();
    await post(`/api/twilio/status?m=${message.id}`, { MessageSid: sid, MessageStatus: "delivered" });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "delivered",
      providerSid: sid,
      errorCode: null,
    });
  });
});

describe("check-in calls", () => {
  it("speak in the contact's language, gather one key, and count 1 as the answer once", async () => {
    const { family, ownerId } = await familyWithPerson();
    const contact = await db.contact.create({
      data: { familyId: family.id, name: "Escuela", phone: newPhone(), locale: "en", relationship: "school", channel: "voice" },
    });
    const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "contact", id: contact.id } });
    await drainJobs();
    const message = await db.outboundMessage.findUniqueOrThrow({ where: { id: checkIn!.messageId! } });
    expect(message.channel).toBe("voice");

    const twiml = await (await post(`/api/twilio/voice?m=${message.id}`, { CallSid: message.providerSid!, AnsweredBy: "human" })).text();
    expect(twiml).toContain('<Gather numDigits="1"');
    expect(twiml).toContain('language="en-US"');
    expect(twiml).toContain("press 1");

    const gather = { CallSid: message.providerSid!, Digits: "1" };
    await post(`/api/twilio/voice/gather?m=${message.id}`, gather);
    await post(`/api/twilio/voice/gather?m=${message.id}`, gather);
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: checkIn!.id } })).toMatchObject({ reply: "keypad:1" });
    expect(await db.inboundWebhook.count({ where: { providerKey: `${message.providerSid}:gather` } })).toBe(1);
  });

  it("hang up on a voicemail without counting it as an answer", async () => {
    const { family, ownerId } = await familyWithPerson();
    const contact = await db.contact.create({
      data: { familyId: family.id, name: "Hotel", phone: newPhone(), locale: "es", relationship: "hotel", channel: "voice" },
    });
    const [checkIn] = await sendTestCheckIns({ familyId: family.id, userId: ownerId, target: { kind: "contact", id: contact.id } });
    await drainJobs();
    const message = await db.outboundMessage.findUniqueOrThrow({ where: { id: checkIn!.messageId! } });
    const twiml = await (
      await post(`/api/twilio/voice?m=${message.id}`, { CallSid: message.providerSid!, AnsweredBy: "machine_start" })
    ).text();
    expect(twiml).toContain("<Hangup/>");
    expect(twiml).not.toContain("Gather");
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: checkIn!.id } })).toMatchObject({ repliedAt: null });
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).answeredBy).toBe("machine_start");
  });
});
