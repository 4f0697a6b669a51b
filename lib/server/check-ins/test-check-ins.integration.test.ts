import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { drainJobs } from "@/tests/integration/jobs";
import { recordOutgoingMessages } from "@/tests/integration/recording-provider";
import { listTestCheckIns, sendTestCheckIns } from "./test-check-ins";

const sent = recordOutgoingMessages();
beforeEach(async () => {
  await drainJobs();
  sent.length = 0;
});

async function plan() {
  const { family, ownerId } = await createTestFamily({ name: "Familia Núñez" });
  const suffix = String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
  const person = await db.person.create({ data: { familyId: family.id, name: "Ana", phone: `+525511${suffix}`, locale: "es" } });
  const contact = await db.contact.create({
    data: {
      familyId: family.id,
      name: "Coach",
      phone: `+1212555${suffix.slice(0, 4)}`,
      locale: "en",
      relationship: "coach",
      channel: "sms",
    },
  });
  return { family, ownerId, person, contact, scope: { familyId: family.id, userId: ownerId } };
}

describe("sendTestCheckIns", () => {
  it("texts each number in its own language and tracks the answers", async () => {
    const { scope, person, contact } = await plan();
    sent.length = 0;
    const checkIns = await sendTestCheckIns({ ...scope, target: { kind: "everyone" } });
    expect(checkIns).toHaveLength(2);
    expect(sent).toEqual([]); // the outbox: the worker sends
    await drainJobs();
    expect(sent.find((message) => message.to === person.phone)?.body).toBe(
      "Prueba del plan de seguridad Familia Núñez: responde OK para confirmar que este numero funciona.",
    );
    expect(sent.find((message) => message.to === contact.phone)?.body).toMatch(/^Familia Núñez safety plan test/);

    await db.outboundMessage.updateMany({ where: { to: person.phone }, data: { status: "sending" } });
    const listed = await listTestCheckIns(scope);
    expect(listed.byPhone.get(person.phone)?.state).toBe("sending");
    expect(listed.awaitingUpdate).toBe(true);
    await db.checkIn.update({ where: { id: listed.byPhone.get(person.phone)!.id }, data: { reply: "OK", repliedAt: new Date() } });
    expect((await listTestCheckIns(scope)).byPhone.get(person.phone)?.state).toBe("replied");
  });

  it("targets one person or one contact, and refuses other families' ids and members", async () => {
    const { scope, person, contact, family } = await plan();
    sent.length = 0;
    await sendTestCheckIns({ ...scope, target: { kind: "person", id: person.id } });
    await sendTestCheckIns({ ...scope, target: { kind: "contact", id: contact.id } });
    await drainJobs();
    expect(sent.map((message) => message.to)).toEqual([person.phone, contact.phone]);

    const other = await plan();
    await expect(sendTestCheckIns({ ...other.scope, target: { kind: "person", id: person.id } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(sendTestCheckIns({ familyId: family.id, userId: other.ownerId, target: { kind: "everyone" } })).rejects.toMatchObject({
      code: "not_found",
    });
    const member = await addTestMember(family.id, "member");
    await expect(sendTestCheckIns({ familyId: family.id, userId: member.id, target: { kind: "everyone" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listTestCheckIns({ familyId: family.id, userId: other.ownerId })).rejects.toMatchObject({ code: "not_found" });
    await drainJobs();
    expect(sent).toHaveLength(2);
  });
});
