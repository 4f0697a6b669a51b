import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPerson } from "@/lib/server/people/people";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { assignContact, changeContactTier, moveContactWithinTier, removeContactFromTree } from "./contact-tree";
import { createContact, deleteContact, listContacts, updateContact } from "./contacts";

const school = {
  name: "Escuela Benito Juárez",
  phone: "55 5555 1234",
  locale: "es" as const,
  relationship: "school" as const,
  channel: "voice" as const,
};
const friend = (n: number) => ({
  name: `Amiga ${n}`,
  phone: `55 1111 00${String(n).padStart(2, "0")}`,
  locale: "es" as const,
  relationship: "friend" as const,
  channel: "sms" as const,
});

async function familyWithPerson() {
  const { family, ownerId } = await createTestFamily();
  const person = await createPerson({
    familyId: family.id,
    userId: ownerId,
    input: { name: "Ana", phone: "55 1234 5678", locale: "es", notes: "" },
  });
  return { family, ownerId, person, scope: { familyId: family.id, userId: ownerId } };
}

async function tree(personId: string) {
  const rows = await db.personContact.findMany({
    where: { personId },
    orderBy: [{ tier: "asc" }, { position: "asc" }],
    include: { contact: true },
  });
  return rows.map((row) => `${row.tier}:${row.position}:${row.contact.name}`);
}

describe("contacts", () => {
  it("creates a contact straight into a person's tree, and one contact vouches for several people", async () => {
    const { scope, person, family, ownerId } = await familyWithPerson();
    const contact = await createContact({ ...scope, input: school, assignTo: { personId: person.id, tier: 1 } });
    expect(contact.phone).toBe("+525555551234");
    const brother = await createPerson({
      familyId: family.id,
      userId: ownerId,
      input: { name: "Luis", phone: "55 8765 4321", locale: "es", notes: "" },
    });
    await assignContact({ ...scope, personId: brother.id, contactId: contact.id, tier: 2 });
    const listed = await listContacts(scope);
    expect(listed[0]!.vouchesFor.map((entry) => `${entry.person.name}:${entry.tier}`).sort()).toEqual(["Ana:1", "Luis:2"]);
    await expect(assignContact({ ...scope, personId: brother.id, contactId: contact.id, tier: 1 })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("needs a mobile for SMS but accepts a landline for calls, and refuses duplicates", async () => {
    const { scope } = await familyWithPerson();
    await expect(createContact({ ...scope, input: { ...school, phone: "+1 800 555 0199", channel: "sms" } })).rejects.toMatchObject({
      messageKey: "phone.notMobile",
    });
    await createContact({ ...scope, input: school });
    await expect(createContact({ ...scope, input: { ...school, name: "Otra" } })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "phone.duplicateContact",
    });
  });

  it("reorders within a tier, moves between tiers and keeps positions compact", async () => {
    const { scope, person } = await familyWithPerson();
    for (const n of [1, 2, 3]) await createContact({ ...scope, input: friend(n), assignTo: { personId: person.id, tier: 1 } });
    expect(await tree(person.id)).toEqual(["1:0:Amiga 1", "1:1:Amiga 2", "1:2:Amiga 3"]);

    const third = await db.personContact.findFirstOrThrow({ where: { personId: person.id, position: 2 } });
    await moveContactWithinTier({ ...scope, assignmentId: third.id, direction: "up" });
    expect(await tree(person.id)).toEqual(["1:0:Amiga 1", "1:1:Amiga 3", "1:2:Amiga 2"]);
    await moveContactWithinTier({ ...scope, assignmentId: third.id, direction: "up" });
    await moveContactWithinTier({ ...scope, assignmentId: third.id, direction: "up" });
    expect(await tree(person.id)).toEqual(["1:0:Amiga 3", "1:1:Amiga 1", "1:2:Amiga 2"]);

    const first = await db.personContact.findFirstOrThrow({ where: { personId: person.id, contact: { name: "Amiga 1" } } });
    await changeContactTier({ ...scope, assignmentId: first.id, tier: 2 });
    expect(await tree(person.id)).toEqual(["1:0:Amiga 3", "1:1:Amiga 2", "2:0:Amiga 1"]);
    await removeContactFromTree({ ...scope, assignmentId: third.id });
    expect(await tree(person.id)).toEqual(["1:0:Amiga 2", "2:0:Amiga 1"]);
  });

  it("refuses members and other families on every change", async () => {
    const { scope, person, family } = await familyWithPerson();
    const contact = await createContact({ ...scope, input: school, assignTo: { personId: person.id, tier: 1 } });
    const assignment = await db.personContact.findFirstOrThrow({ where: { personId: person.id } });
    const member = await addTestMember(family.id, "member");
    const memberScope = { familyId: family.id, userId: member.id };
    await expect(createContact({ ...memberScope, input: friend(9) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeContactFromTree({ ...memberScope, assignmentId: assignment.id })).rejects.toMatchObject({ code: "forbidden" });

    const other = await createTestFamily();
    const otherScope = { familyId: other.family.id, userId: other.ownerId };
    const otherPerson = await createPerson({ ...otherScope, input: { name: "X", phone: "55 2222 3333", locale: "es", notes: "" } });
    await expect(updateContact({ ...otherScope, contactId: contact.id, input: school })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteContact({ ...otherScope, contactId: contact.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(assignContact({ ...otherScope, personId: otherPerson.id, contactId: contact.id, tier: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(assignContact({ ...scope, personId: otherPerson.id, contactId: contact.id, tier: 1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createContact({ ...scope, input: friend(8), assignTo: { personId: otherPerson.id, tier: 1 } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(changeContactTier({ ...otherScope, assignmentId: assignment.id, tier: 3 })).rejects.toMatchObject({ code: "not_found" });
    await expect(moveContactWithinTier({ ...otherScope, assignmentId: assignment.id, direction: "down" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(removeContactFromTree({ ...otherScope, assignmentId: assignment.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await listContacts(otherScope)).toEqual([]);
    expect(await tree(person.id)).toEqual(["1:0:Escuela Benito Juárez"]);
  });

  it("deleting a contact removes it from every tree", async () => {
    const { scope, person } = await familyWithPerson();
    const contact = await createContact({ ...scope, input: school, assignTo: { personId: person.id, tier: 1 } });
    await deleteContact({ ...scope, contactId: contact.id });
    expect(await tree(person.id)).toEqual([]);
  });
});
