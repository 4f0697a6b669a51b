import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createContact } from "@/lib/server/contacts/contacts";
import { completeFamilySetup, deleteFamily, exportFamilyData } from "@/lib/server/family/manage-family";
import { createPerson } from "@/lib/server/people/people";
import { saveSecretWords } from "@/lib/server/secret-words/secret-words";
import { addTestMember, createTestFamily } from "@/tests/integration/factories";
import { getPlanOverview } from "./get-plan-overview";

describe("getPlanOverview", () => {
  it("walks the setup steps as the plan fills in", async () => {
    const { family, ownerId } = await createTestFamily();
    const scope = { familyId: family.id, userId: ownerId };
    expect((await getPlanOverview(scope)).nextStep).toBe("people");

    const ana = await createPerson({ ...scope, input: { name: "Ana", phone: "55 1234 5678", locale: "es", notes: "" } });
    expect((await getPlanOverview(scope)).nextStep).toBe("words");
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });

    const overview = await getPlanOverview(scope);
    expect(overview.nextStep).toBe("contacts");
    expect(overview.people.map((person) => person.missingTier1)).toEqual([true]);

    await createContact({
      ...scope,
      input: { name: "Tía Rosa", phone: "55 8888 7777", locale: "es", relationship: "relative", channel: "sms" },
      assignTo: { personId: ana.id, tier: 2 },
    });
    expect((await getPlanOverview(scope)).people[0]!.missingTier1).toBe(true);
    await createContact({
      ...scope,
      input: { name: "Escuela", phone: "55 5555 1234", locale: "es", relationship: "school", channel: "voice" },
      assignTo: { personId: ana.id, tier: 1 },
    });

    const ready = await getPlanOverview(scope);
    expect(ready).toMatchObject({ complete: true, nextStep: "review" });
    expect(ready.people[0]!.contacts.map((entry) => entry.contact.name)).toEqual(["Escuela", "Tía Rosa"]);
    await completeFamilySetup(scope);
    expect((await getPlanOverview(scope)).nextStep).toBeNull();
  });
});

describe("exportFamilyData", () => {
  it("exports the plan without any secret material", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Export" });
    const scope = { familyId: family.id, userId: ownerId };
    await createPerson({ ...scope, input: { name: "Ana", phone: "55 1234 5678", locale: "es", notes: "Prepa" } });
    await saveSecretWords({ ...scope, input: { safeWord: "mazapan", duressWord: "girasol" } });
    const exported = await exportFamilyData(scope);
    expect(exported.family).toMatchObject({ name: "Familia Export", people: [{ name: "Ana", phone: "+525512345678", notes: "Prepa" }] });
    expect(exported.family.secretWords?.safeWordChangedAt).toBeInstanceOf(Date);
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/argon2|mazapan|girasol|tokenHash/);

    const other = await createTestFamily();
    await expect(exportFamilyData({ familyId: family.id, userId: other.ownerId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("deleteFamily", () => {
  it("needs an admin and the exact family name, then removes everything", async () => {
    const { family, ownerId } = await createTestFamily({ name: "Familia Borrar" });
    const scope = { familyId: family.id, userId: ownerId };
    const person = await createPerson({ ...scope, input: { name: "Ana", phone: "55 1234 5678", locale: "es", notes: "" } });
    const member = await addTestMember(family.id, "member");
    await expect(deleteFamily({ familyId: family.id, userId: member.id, confirmName: "Familia Borrar" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(deleteFamily({ ...scope, confirmName: "Familia" })).rejects.toMatchObject({ messageKey: "confirmName.mismatch" });
    const other = await createTestFamily();
    await expect(deleteFamily({ familyId: family.id, userId: other.ownerId, confirmName: "Familia Borrar" })).rejects.toMatchObject({
      code: "not_found",
    });

    await deleteFamily({ ...scope, confirmName: " Familia Borrar " });
    expect(await db.family.count({ where: { id: family.id } })).toBe(0);
    expect(await db.person.count({ where: { id: person.id } })).toBe(0);
    expect(await db.membership.count({ where: { familyId: family.id } })).toBe(0);
  });
});
