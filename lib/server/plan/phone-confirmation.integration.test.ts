// A number that reads as two numbers (Mexico or the United States) is never saved on a guess:
// the data layer refuses it with both readings until one of them is chosen, and re-checks the
// choice against what was typed.
import { describe, expect, it } from "vitest";
import { PhoneAmbiguousError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { actionErrorState } from "@/lib/server/action-error";
import { createContact, updateContact } from "@/lib/server/contacts/contacts";
import { updateAlertPhone } from "@/lib/server/family/manage-family";
import { createPerson, updatePerson } from "@/lib/server/people/people";
import { createTestFamily } from "@/tests/integration/factories";

const person = (phone: string, phoneChoice?: string) => ({ name: "Ana", phone, phoneChoice, locale: "es" as const, notes: "" });
const mexican = { e164: "+524155550134", country: "MX", display: "+52 415 555 0134" };
const american = { e164: "+14155550134", country: "US", display: "+1 415 555 0134" };

describe("a number that reads two ways", () => {
  it("is refused with both readings, the family's first, and nothing is saved", async () => {
    const { family, ownerId } = await createTestFamily();
    for (const typed of ["(415) 555-0134", "415-555-0134", "415 555 0134"]) {
      const refusal = await createPerson({ familyId: family.id, userId: ownerId, input: person(typed) }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(PhoneAmbiguousError);
      expect(refusal).toMatchObject({
        code: "invalid_input",
        messageKey: "phone.ambiguous",
        details: { field: "phone" },
        readings: [mexican, american],
      });
    }
    expect(await db.person.count({ where: { familyId: family.id } })).toBe(0);
  });

  it("becomes the form's question: both readings, the typed values kept", async () => {
    const { family, ownerId } = await createTestFamily();
    const form = new FormData();
    form.set("name", "Ana");
    form.set("phone", "(415) 555-0134");
    const error = await createPerson({ familyId: family.id, userId: ownerId, input: person("(415) 555-0134") }).catch(
      (caught: unknown) => caught,
    );
    expect(actionErrorState(error, form)).toEqual({
      status: "error",
      formError: "phone.confirmBelow",
      fieldErrors: { phone: ["phone.ambiguous"] },
      phoneChoices: [mexican, american],
      values: { name: "Ana", phone: "(415) 555-0134" },
    });
  });

  it("saves the reading chosen, either one", async () => {
    const { family, ownerId } = await createTestFamily();
    const scope = { familyId: family.id, userId: ownerId };
    await expect(createPerson({ ...scope, input: person("(415) 555-0134", american.e164) })).resolves.toMatchObject({
      phone: "+14155550134",
    });
    const other = await createTestFamily();
    await expect(
      createPerson({ familyId: other.family.id, userId: other.ownerId, input: person("(415) 555-0134", mexican.e164) }),
    ).resolves.toMatchObject({ phone: "+524155550134" });
  });

  it("re-checks the choice against what was typed: a choice for another number is not taken", async () => {
    const { family, ownerId } = await createTestFamily();
    const scope = { familyId: family.id, userId: ownerId };
    // The person chose for (415) 555-0134, then changed the number: the new one is asked about again.
    await expect(createPerson({ ...scope, input: person("(212) 555-0100", american.e164) })).resolves.toMatchObject({
      phone: "+12125550100",
    });
    await expect(createPerson({ ...scope, input: { ...person("4155550199", american.e164), name: "Luis" } })).rejects.toBeInstanceOf(
      PhoneAmbiguousError,
    );
    // A forged choice (any valid number) is not a reading of what was typed.
    await expect(createPerson({ ...scope, input: { ...person("415 555 0177", "+525512345678"), name: "Eva" } })).rejects.toBeInstanceOf(
      PhoneAmbiguousError,
    );
    expect(await db.person.findMany({ where: { familyId: family.id }, select: { phone: true } })).toEqual([{ phone: "+12125550100" }]);
  });

  it("saves as before a number written with its country code, the family's way, or valid in one country only", async () => {
    const { family, ownerId } = await createTestFamily();
    const scope = { familyId: family.id, userId: ownerId };
    const saved = async (phone: string, name: string) => (await createPerson({ ...scope, input: { ...person(phone), name } })).phone;
    expect(await saved("+1 (415) 555-0134", "A")).toBe("+14155550134");
    expect(await saved("55 1234 5678", "B")).toBe("+525512345678");
    expect(await saved("212 555 0142", "C")).toBe("+12125550142");
  });

  it("applies to contacts, editing, and the adult's own number", async () => {
    const { family, ownerId } = await createTestFamily();
    const scope = { familyId: family.id, userId: ownerId };
    const contact = {
      name: "Escuela",
      phone: "(415) 555-0134",
      locale: "es" as const,
      relationship: "school" as const,
      channel: "voice" as const,
    };
    await expect(createContact({ ...scope, input: contact })).rejects.toMatchObject({
      messageKey: "phone.ambiguous",
      readings: [mexican, american],
    });
    const created = await createContact({ ...scope, input: { ...contact, phoneChoice: mexican.e164 } });
    expect(created.phone).toBe(mexican.e164);
    await expect(updateContact({ ...scope, contactId: created.id, input: { ...contact, phone: "415-555-0134" } })).rejects.toBeInstanceOf(
      PhoneAmbiguousError,
    );
    await expect(
      updateContact({ ...scope, contactId: created.id, input: { ...contact, phone: "415-555-0134", phoneChoice: american.e164 } }),
    ).resolves.toEqual({ phone: american.e164 });

    const ana = await createPerson({ ...scope, input: person("55 1234 5678") });
    await expect(updatePerson({ ...scope, personId: ana.id, input: person("415 555 0134") })).rejects.toBeInstanceOf(PhoneAmbiguousError);
    expect(await db.person.findUniqueOrThrow({ where: { id: ana.id }, select: { phone: true } })).toEqual({ phone: "+525512345678" });

    await expect(updateAlertPhone({ ...scope, phone: "(415) 555-0134" })).rejects.toBeInstanceOf(PhoneAmbiguousError);
    await expect(updateAlertPhone({ ...scope, phone: "(415) 555-0134", phoneChoice: american.e164 })).resolves.toEqual({
      phone: american.e164,
    });
    expect(await db.membership.findFirstOrThrow({ where: { familyId: family.id, userId: ownerId }, select: { phone: true } })).toEqual({
      phone: american.e164,
    });
  });
});
