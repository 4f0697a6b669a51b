import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test.use({ locale: "en-US" });

type Seed = Parameters<Parameters<typeof test>[2]>[0];

/** A family protecting Ana and Luis, with the safe word "mazapan" and the duress word "girasol". */
async function familyOfTwo({ seedFamily, db }: Pick<Seed, "seedFamily" | "db">) {
  const family = await seedFamily({ name: "Family Rivera", locale: "en" });
  const number = () => `+5255${randomUUID().replace(/\D/g, "").padEnd(8, "7").slice(0, 8)}`;
  const ana = await db.person.create({ data: { familyId: family.id, name: "Ana", phone: number(), locale: "en", position: 0 } });
  const luis = await db.person.create({ data: { familyId: family.id, name: "Luis", phone: number(), locale: "en", position: 1 } });
  const { hash } = await import("@node-rs/argon2");
  const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
  await db.secretWords.create({
    data: {
      familyId: family.id,
      safeWordHash: await hash("mazapan", options),
      duressWordHash: await hash("girasol", options),
      safeWordChangedAt: new Date(),
      duressWordChangedAt: new Date(),
    },
  });
  return { family, ana, luis };
}

test("when nobody was named, each person has a state and the call ends safe only when both gave the safe word @phone", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const { family, ana, luis } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: /I don't know/ }).click();
  const people = page.getByTestId("people");
  await expect(people.locator("li")).toHaveCount(2);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true");

  await textFrom(ana.phone, "Mazapán, I'm fine");
  await expect(people.locator('li[data-state="confirmed_safe"]')).toContainText("Ana");
  await expect(people.locator('li[data-state="waiting"]')).toContainText("Luis");
  await expect(page.getByTestId("incident-banner")).toContainText("Verifying everyone");

  await textFrom(luis.phone, "mazapan!");
  await expect(page.getByTestId("incident-banner")).toContainText("is safe. Hang up.");
});

test("the duress word stays: a later safe word does not end it, and only 'danger' can @phone", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const { family, ana } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true");
  await textFrom(ana.phone, "girasol");
  await textFrom(ana.phone, "mazapan");
  await expect(page.getByTestId("incident-banner")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("people").locator('li[data-state="in_danger"]')).toContainText("Ana");
  // Only "danger" can end it (the server refuses the others too: see the integration suite).
  await expect(page.getByRole("button", { name: "False alarm" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirmed safe" })).toHaveCount(0);
  await page.getByRole("button", { name: "Danger", exact: true }).click();
  await expect(page.getByTestId("incident-banner")).toContainText("Verification ended: Danger");
});

test("a second tap on someone already being verified opens that verification and says who started it", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
}) => {
  const { family } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByTestId("people")).toBeVisible();
  const first = page.url();
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByTestId("already-open")).toContainText("Ana was already being verified: Owner Adult started it");
  expect(page.url().split("?")[0]).toBe(first);
  expect(await db.incident.count({ where: { familyId: family.id } })).toBe(1);
});

test("when the attempts at the word are used up, the screen says to confirm by calling", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const { family, ana } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByTestId("guesses")).toContainText("5 attempts at the word left");
  await textFrom(ana.phone, "on my way"); // a sentence spends nothing
  for (const guess of ["tortuga", "ballena", "delfin", "pulpo", "medusa"]) await textFrom(ana.phone, guess);
  await page.reload();
  await expect(page.getByTestId("guesses")).toContainText("No attempts at the word left: a text can no longer confirm Ana. Call Ana");
  await textFrom(ana.phone, "mazapan");
  await page.reload();
  await expect(page.getByTestId("people").locator("li")).toHaveAttribute("data-state", "waiting");
});

test("a number two families share: the safe word reaches its own family only, a YES reaches the family that asked", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
  openBrowser,
}) => {
  const { family: rivera, ana } = await familyOfTwo({ seedFamily, db });
  const other = await seedFamily({ name: "Family Soto", locale: "en" });
  const beto = await db.person.create({
    data: { familyId: other.id, name: "Beto", phone: `+5255${randomUUID().replace(/\D/g, "").padEnd(8, "3").slice(0, 8)}`, locale: "en" },
  });
  const neighbour = await db.contact.create({
    data: { familyId: other.id, name: "Neighbour Ana", phone: ana.phone, locale: "en", relationship: "neighbor" },
  });
  await db.personContact.create({ data: { personId: beto.id, contactId: neighbour.id, tier: 1 } });

  await logIn(context, rivera.owner.id);
  await page.goto(`/family/${rivera.id}/incidents/new`);
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByTestId("people")).toBeVisible();

  const soto = await openBrowser({ locale: "en-US" });
  await logIn(soto.context(), other.owner.id);
  await soto.goto(`/family/${other.id}/incidents/new`);
  await soto.getByRole("button", { name: "Beto", exact: true }).click();
  await soto.getByRole("button", { name: "Send the next wave now" }).click(); // the call to Beto
  await soto.getByRole("button", { name: "Send the next wave now" }).click(); // tier 1: Ana, as a neighbour
  await expect(soto.getByTestId("pings").locator(`[data-phone="${ana.phone}"]`)).toBeVisible();

  await textFrom(ana.phone, "mazapan");
  await expect(page.getByTestId("incident-banner")).toContainText("Ana is safe. Hang up.");
  // The other family hears that its neighbour answered, as for any text from a number another
  // family protects, and nothing of what she wrote: a right guess looks like a wrong one.
  await soto.reload();
  await expect(soto.getByTestId("timeline")).toContainText("Neighbour Ana:");
  await expect(soto.locator("body")).not.toContainText(/mazap/i);
  await expect(soto.getByTestId("people").locator("li")).toHaveAttribute("data-state", "waiting");

  await textFrom(ana.phone, "yes");
  await expect(soto.getByTestId("people").locator("li")).toHaveAttribute("data-state", "probably_safe");
});

test("the safe word and the duress word: stored and shown redacted, and each phone gets the same thing after it", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const { family, ana, luis } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: /I don't know/ }).click();
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true");
  await textFrom(ana.phone, "Mazapán, estoy bien!");
  await textFrom(luis.phone, "¡girasol!");
  await expect(page.getByTestId("people").locator('li[data-state="in_danger"]')).toContainText("Luis");
  await expect(page.getByTestId("people").locator('li[data-state="confirmed_safe"]')).toContainText("Ana");
  await expect(page.locator("body")).not.toContainText(/mazap|girasol/i);
  // The worker sends what each word brought: the same text to both phones, nothing else.
  const after = (phone: string) =>
    db.outboundMessage.findMany({ where: { to: phone, purpose: { not: "incident_check_in" } }, select: { body: true, channel: true } });
  await expect.poll(async () => (await after(ana.phone)).length, { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await after(luis.phone)).length, { timeout: 15_000 }).toBe(1);
  expect(await after(ana.phone)).toEqual(await after(luis.phone));
  const rows =
    JSON.stringify(await db.checkIn.findMany({ where: { familyId: family.id }, select: { reply: true } })) +
    JSON.stringify(await db.incidentEvent.findMany({ where: { incident: { familyId: family.id } }, select: { data: true } }));
  expect(rows.toLowerCase()).not.toMatch(/mazap|girasol/);
});

test("a drill says so, STOP shows on the timeline, and a false alarm tells everyone asked @phone", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const { family, ana } = await familyOfTwo({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByLabel(/drill/i).check();
  await page.getByRole("button", { name: "Ana", exact: true }).click();
  await expect(page.getByText("DRILL", { exact: true })).toBeVisible();
  await expect
    .poll(async () => (await db.outboundMessage.findFirst({ where: { to: ana.phone } }))?.body ?? "", { timeout: 15_000 })
    .toMatch(/^DRILL: /);
  await textFrom(ana.phone, "STOP");
  await expect(page.getByTestId("timeline")).toContainText("replied STOP");
  await textFrom(ana.phone, "START");
  await expect(page.getByTestId("timeline")).toContainText("replied START");
  await page.getByRole("button", { name: "False alarm" }).click();
  await expect(page.getByTestId("incident-banner")).toContainText("Verification ended");
  await expect(page.getByTestId("timeline")).toContainText("“No longer needed” sent to");
});
