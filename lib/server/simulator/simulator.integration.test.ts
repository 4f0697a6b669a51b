import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestFamily } from "@/tests/integration/factories";
import { listSimulatorConversations, simulateInboundSms, simulateKeypress } from "./simulator";

describe("simulator", () => {
  it("replies enter through the webhook path, and only for the caller's own numbers", async () => {
    const mine = await createTestFamily();
    const theirs = await createTestFamily();
    const suffix = String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
    const myPerson = await db.person.create({ data: { familyId: mine.family.id, name: "Mía", phone: `+525522${suffix}`, locale: "es" } });
    const theirPerson = await db.person.create({ data: { familyId: theirs.family.id, name: "Ajena", phone: `+525533${suffix}`, locale: "es" } });

    await simulateInboundSms({ userId: mine.ownerId, from: myPerson.phone, body: "hola" });
    const stored = await db.inboundWebhook.findFirstOrThrow({ where: { fromNumber: myPerson.phone } });
    expect(stored).toMatchObject({ kind: "sms", body: "hola" });
    expect(stored.processedAt).toBeInstanceOf(Date);

    await expect(simulateInboundSms({ userId: mine.ownerId, from: theirPerson.phone, body: "hola" })).rejects.toMatchObject({ code: "not_found" });
    const conversations = await listSimulatorConversations({ userId: mine.ownerId });
    expect(conversations.map((conversation) => conversation.phone)).toEqual([myPerson.phone]);
    expect(conversations[0]!.entries.map((entry) => entry.body)).toEqual(["hola"]);

    const theirCall = await db.outboundMessage.create({
      data: { familyId: theirs.family.id, to: theirPerson.phone, body: "x", locale: "es", purpose: "test", channel: "voice", provider: "simulator", status: "in-progress", providerSid: `CA${"b".repeat(32)}`, segments: 0 },
    });
    await expect(simulateKeypress({ userId: mine.ownerId, messageId: theirCall.id, digit: "1" })).rejects.toMatchObject({ code: "not_found" });
  });
});
