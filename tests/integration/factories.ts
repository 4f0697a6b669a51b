// Rows for integration tests, written straight through Prisma.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export async function createTestUser(name = "Test Adult") {
  const id = randomUUID();
  return db.user.create({ data: { id, name, email: `${id}@example.test` } });
}

export async function createTestFamily(options: { name?: string; ownerId?: string } = {}) {
  const owner = options.ownerId ? { id: options.ownerId } : await createTestUser("Owner");
  const family = await db.family.create({
    data: {
      name: options.name ?? "Familia Prueba",
      country: "MX",
      locale: "es",
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
  });
  return { family, ownerId: owner.id };
}

export async function addTestMember(familyId: string, role: Role) {
  const user = await createTestUser(`${role} adult`);
  await db.membership.create({ data: { familyId, userId: user.id, role } });
  return user;
}

let numberCounter = 0;
/** A Mexican mobile number no other test (of any worker or run) uses: the test worker, the process and a counter, never the clock. */
export function uniquePhone(prefix: "33" | "55" | "56" | "81" = "55") {
  numberCounter++;
  const worker = Number(process.env.VITEST_POOL_ID ?? "0") % 10;
  return `+52${prefix}${worker}${String(process.pid % 1000).padStart(3, "0")}${String(numberCounter).padStart(4, "0")}`;
}

type PlanPerson = { name: string; phone?: string; locale?: "es" | "en" };
type PlanContact = { name: string; tier: number; channel?: "sms" | "voice"; phone?: string; locale?: "es" | "en"; of?: string };

/**
 * A family with a plan: an owner with a saved number, people, contacts in their trees (of the
 * first person unless `of` names another), and both words set through the app's own function.
 */
export async function createTestPlan(
  options: { name?: string; people?: PlanPerson[]; contacts?: PlanContact[]; words?: { safeWord: string; duressWord: string } | null } = {},
) {
  const { family, ownerId } = await createTestFamily({ name: options.name ?? "Familia Vega" });
  const scope = { familyId: family.id, userId: ownerId };
  const ownerPhone = uniquePhone("33");
  await db.membership.update({ where: { familyId_userId: { familyId: family.id, userId: ownerId } }, data: { phone: ownerPhone } });
  const people = [];
  for (const [position, person] of (options.people ?? [{ name: "Ana Vega" }]).entries()) {
    people.push(
      await db.person.create({
        data: { familyId: family.id, name: person.name, phone: person.phone ?? uniquePhone("55"), locale: person.locale ?? "es", position },
      }),
    );
  }
  const contacts = [];
  for (const contact of options.contacts ?? []) {
    const created = await db.contact.create({
      data: {
        familyId: family.id,
        name: contact.name,
        phone: contact.phone ?? uniquePhone("81"),
        locale: contact.locale ?? "es",
        relationship: "friend",
        channel: contact.channel ?? "sms",
      },
    });
    const person = people.find((candidate) => candidate.name === contact.of) ?? people[0]!;
    await db.personContact.create({ data: { personId: person.id, contactId: created.id, tier: contact.tier } });
    contacts.push(created);
  }
  if (options.words !== null) {
    const { saveSecretWords } = await import("@/lib/server/secret-words/secret-words");
    await saveSecretWords({ ...scope, input: options.words ?? { safeWord: "mazapan", duressWord: "girasol" } });
  }
  return { family, ownerId, ownerPhone, scope, people, contacts };
}

/** A day relative to today in Mexico City, as a form sends it ("YYYY-MM-DD"). */
export function dayFromToday(days: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** What the trip form sends: a trip under way (yesterday to tomorrow) unless told otherwise, a fresh form key. */
export function tripInput(
  overrides: Partial<import("@/lib/validation/travel").TripInput> = {},
): import("@/lib/validation/travel").TripInput {
  return {
    tripKey: randomUUID(),
    destination: "Cancún",
    hotelName: "Hotel Laguna",
    startsOn: dayFromToday(-1),
    endsOn: dayFromToday(1),
    timeZone: "America/Mexico_City",
    phone: uniquePhone("81"),
    deskLocale: "es",
    ...overrides,
  };
}

/** Moves the family's creation back, so it is past the caller registry's minimum age for reports. */
export async function ageTestFamily(familyId: string, days = 2) {
  await db.family.update({ where: { id: familyId }, data: { createdAt: new Date(Date.now() - days * 86400_000) } });
}

/** A family whose reports count in the caller registry: a plan, and older than the minimum age. */
export async function createReportingFamily(options: { name?: string } = {}) {
  const plan = await createTestPlan({ name: options.name ?? "Familia Reporte", words: null });
  await ageTestFamily(plan.family.id);
  return plan;
}
