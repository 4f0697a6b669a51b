import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { createPerson, deletePerson, getPerson, updatePerson } from "./people";

const ana = { name: "Ana", phone: "55 1234 5678", locale: "es" as const, notes: "Escuela por las mañanas" };

describe("people", () => {
  it("normalizes the number with the family's country and keeps the order of addition", async () => {
    const { family, ownerId } = await createTestFamily();
    const first = await createPerson({ familyId: family.id, userId: ownerId, input: ana });
    const second = await createPerson({ familyId: family.id, userId: ownerId, input: { ...ana, name: "Luis", phone: "+1 212 555 0142" } });
    expect(first).toMatchObject({ phone: "+525512345678", position: 0 });
    expect(second).toMatchObject({ phone: "+12125550142", position: 1 });
  });

  it("refuses bad numbers with the reason and duplicates within the family", async () => {
    const { family, ownerId } = await createTestFamily();
    const input = (phone: string) => ({ familyId: family.id, userId: ownerId, input: { ...ana, phone } });
    await expect(createPerson(input("55 12"))).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "phone.tooShort",
      details: { field: "phone" },
    });
    await expect(createPerson(input("800 123 4567"))).rejects.toMatchObject({ messageKey: "phone.notMobile" });
    await createPerson(input("(55) 1234 5678"));
    await expect(createPerson(input("+52 55 1234 5678"))).rejects.toMatchObject({ code: "conflict", messageKey: "phone.duplicatePerson" });
    // Another family may protect the same number.
    const other = await createTestFamily();
    await expect(createPerson({ familyId: other.family.id, userId: other.ownerId, input: ana })).resolves.toBeTruthy();
  });

  it("edits and removes, and refuses members and other families", async () => {
    const { family, ownerId } = await createTestFamily();
    const person = await createPerson({ familyId: family.id, userId: ownerId, input: ana });
    await updatePerson({ familyId: family.id, userId: ownerId, personId: person.id, input: { ...ana, name: "Ana Sofía", locale: "en" } });
    expect((await getPerson({ familyId: family.id, userId: ownerId, personId: person.id })).person).toMatchObject({
      name: "Ana Sofía",
      locale: "en",
    });

    const member = await addTestMember(family.id, "member");
    await expect(getPerson({ familyId: family.id, userId: member.id, personId: person.id })).resolves.toBeTruthy();
    await expect(updatePerson({ familyId: family.id, userId: member.id, personId: person.id, input: ana })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deletePerson({ familyId: family.id, userId: member.id, personId: person.id })).rejects.toMatchObject({
      code: "forbidden",
    });

    const other = await createTestFamily();
    // Their own family id with our person's id: not found, and nothing changes.
    await expect(getPerson({ familyId: other.family.id, userId: other.ownerId, personId: person.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(updatePerson({ familyId: other.family.id, userId: other.ownerId, personId: person.id, input: ana })).rejects.toMatchObject(
      { code: "not_found" },
    );
    await expect(deletePerson({ familyId: other.family.id, userId: other.ownerId, personId: person.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deletePerson({ familyId: family.id, userId: other.ownerId, personId: person.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getPerson({ familyId: family.id, userId: ownerId, personId: "not-an-id" })).rejects.toMatchObject({ code: "not_found" });

    await deletePerson({ familyId: family.id, userId: ownerId, personId: person.id });
    expect(await db.person.count({ where: { id: person.id } })).toBe(0);
  });
});
