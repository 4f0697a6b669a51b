import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { workerUtils } from "@/lib/server/incidents/schedule";
import { startIncident } from "@/lib/server/incidents/start-incident";
import { handleTwilioWebhook } from "@/lib/server/messaging/webhooks";
import { saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { createTestFamily, uniquePhone } from "@/tests/integration/factories";
import { inboundSms, signedWebhook } from "@/tests/integration/webhook-request";
import { listSimulatorConversations, simulateInboundSms, simulateKeypress } from "./simulator";

afterAll(async () => (await workerUtils()).release());

const newPhone = () => uniquePhone();

async function familyWithPerson(name: string, phone = newPhone()) {
  const { family, ownerId } = await createTestFamily({ name });
  const person = await db.person.create({ data: { familyId: family.id, name: `${name} persona`, phone, locale: "es" } });
  return { family, ownerId, person, scope: { familyId: family.id, userId: ownerId } };
}

describe("simulator", () => {
  it("shows the conversations the family started, and a reply enters through the webhook path", async () => {
    const mine = await familyWithPerson("Mía");
    // No message sent yet: no conversation, and no reply accepted.
    expect(await listSimulatorConversations({ userId: mine.ownerId })).toEqual([]);
    await expect(
      simulateInboundSms({ userId: mine.ownerId, familyId: mine.family.id, from: mine.person.phone, body: "hola" }),
    ).rejects.toMatchObject({ messageKey: "simulator.noConversation" });

    await sendTestCheckIns({ ...mine.scope, target: { kind: "everyone" } });
    await simulateInboundSms({ userId: mine.ownerId, familyId: mine.family.id, from: mine.person.phone, body: "Todo bien" });
    const stored = await db.inboundWebhook.findFirstOrThrow({ where: { fromNumber: mine.person.phone } });
    expect(stored).toMatchObject({ kind: "sms", familyId: mine.family.id });
    expect(stored.processedAt).toBeInstanceOf(Date);
    const [conversation] = await listSimulatorConversations({ userId: mine.ownerId });
    expect(conversation).toMatchObject({ familyId: mine.family.id, phone: mine.person.phone, names: ["Mía persona"] });
    expect(conversation!.entries.map((entry) => entry.kind)).toEqual(["out", "in"]);
  });

  it("never shows another family's messages, nor accepts a reply from a number another family shares", async () => {
    // Family A protects a person; family B puts the same number in its own plan.
    const a = await familyWithPerson("Familia A");
    const b = await familyWithPerson("Familia B", a.person.phone);
    await saveSecretWords({ ...a.scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    const { incident } = await startIncident({ ...a.scope, personId: a.person.id });
    await handleTwilioWebhook(signedWebhook("/api/twilio/sms", inboundSms(a.person.phone, "¿quién es?")));
    // B texts the number too, which gives B a conversation of its own with it.
    await sendTestCheckIns({ ...b.scope, target: { kind: "everyone" } });

    const seenByB = await listSimulatorConversations({ userId: b.ownerId });
    expect(seenByB.map((conversation) => conversation.familyId)).toEqual([b.family.id]);
    const bodies = seenByB.flatMap((conversation) => conversation.entries.map((entry) => entry.body));
    expect(bodies.join(" ")).not.toContain("¿quién es?");
    expect(await db.outboundMessage.count({ where: { familyId: a.family.id, to: a.person.phone } })).toBeGreaterThan(0);
    expect(bodies).toHaveLength(1); // B's own test message only

    // B's simulated "reply" would be matched to A's open incident by number: refused.
    for (const body of ["mazapan", "OK", "STOP"]) {
      await expect(simulateInboundSms({ userId: b.ownerId, familyId: b.family.id, from: a.person.phone, body })).rejects.toMatchObject({
        code: "conflict",
        messageKey: "simulator.sharedNumber",
      });
    }
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id }, select: { status: true } })).toEqual({ status: "open" });
    expect(await db.smsOptOut.count({ where: { phone: a.person.phone } })).toBe(0);
    // Nor can B reply in A's name, or press a key on A's call.
    await expect(simulateInboundSms({ userId: b.ownerId, familyId: a.family.id, from: a.person.phone, body: "OK" })).rejects.toMatchObject({
      code: "not_found",
    });
    const aCall = await db.outboundMessage.create({
      data: {
        familyId: a.family.id,
        to: a.person.phone,
        body: "x",
        locale: "es",
        purpose: "test",
        channel: "voice",
        provider: "simulator",
        status: "in-progress",
        providerSid: `CA${"b".repeat(32)}`,
        segments: 0,
      },
    });
    await expect(simulateKeypress({ userId: b.ownerId, messageId: aCall.id, digit: "1" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a reply from another family's adult's alert number, and a STOP or START from any number another family has texted", async () => {
    // Family B's adult has an alert number; family A puts it in its own plan as a contact.
    const b = await familyWithPerson("Familia B");
    const alertPhone = newPhone();
    await db.membership.update({ where: { familyId_userId: { familyId: b.family.id, userId: b.ownerId } }, data: { phone: alertPhone } });
    const a = await familyWithPerson("Familia A");
    const contact = await db.contact.create({
      data: { familyId: a.family.id, name: "Adulto de B", phone: alertPhone, locale: "es", relationship: "friend" },
    });
    await db.personContact.create({ data: { personId: a.person.id, contactId: contact.id, tier: 1 } });
    await sendTestCheckIns({ ...a.scope, target: { kind: "everyone" } });
    expect(await db.outboundMessage.count({ where: { familyId: a.family.id, to: alertPhone } })).toBe(1);
    for (const body of ["STOP", "Todo bien"]) {
      await expect(simulateInboundSms({ userId: a.ownerId, familyId: a.family.id, from: alertPhone, body })).rejects.toMatchObject({
        code: "conflict",
        messageKey: "simulator.sharedNumber",
      });
    }
    expect(await db.smsOptOut.count({ where: { phone: alertPhone } })).toBe(0);

    // A number B texted long ago and no longer holds: an ordinary answer reaches only A, but a
    // STOP would silence B's texts too (opt-outs are per number), so it is refused.
    const formerPhone = newPhone();
    const former = await db.person.create({ data: { familyId: b.family.id, name: "Antes de B", phone: formerPhone, locale: "es" } });
    await sendTestCheckIns({ ...b.scope, target: { kind: "everyone" } });
    await db.person.delete({ where: { id: former.id } });
    await db.checkIn.updateMany({
      where: { familyId: b.family.id, phone: formerPhone },
      data: { createdAt: new Date(Date.now() - 30 * 24 * 3600_000) },
    });
    const ours = await db.person.create({
      data: { familyId: a.family.id, name: "Ahora de A", phone: formerPhone, locale: "es", position: 1 },
    });
    await sendTestCheckIns({ ...a.scope, target: { kind: "person", id: ours.id } });
    for (const body of ["STOP", "alto", "START"]) {
      await expect(simulateInboundSms({ userId: a.ownerId, familyId: a.family.id, from: formerPhone, body })).rejects.toMatchObject({
        code: "conflict",
        messageKey: "simulator.sharedNumber",
      });
    }
    expect(await db.smsOptOut.count({ where: { phone: formerPhone } })).toBe(0);
    await simulateInboundSms({ userId: a.ownerId, familyId: a.family.id, from: formerPhone, body: "Todo bien" });
    expect(await db.checkIn.findFirstOrThrow({ where: { familyId: a.family.id, phone: formerPhone } })).toMatchObject({
      reply: "Todo bien",
    });
  });
});
