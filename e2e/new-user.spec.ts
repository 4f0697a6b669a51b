// What a new user met on the way to the call (issue 12): adding a person after setup, numbers
// that read two ways, the person picker on a phone, and the plan card.
import { expect, test } from "./fixtures";

const phoneScreen = { width: 390, height: 844 };

for (const [locale, names] of [
  ["en", { unknown: "I don't know / they didn't say", drill: /practice drill/ }],
  ["es", { unknown: "No sé / no lo dijo", drill: /Es un simulacro/ }],
] as const) {
  test.describe(`the person picker on a 390×844 phone (${locale})`, () => {
    test.use({ viewport: phoneScreen, locale: locale === "es" ? "es-MX" : "en-US" });

    test(`four people, "I don't know" and the drill choice fit the first screen @phone`, async ({
      page,
      context,
      seedFamily,
      logIn,
      db,
    }) => {
      const family = await seedFamily({ locale });
      for (const [position, name] of ["Sofía Ortiz", "Mateo Ortiz", "Abuela Carmen", "Valentina"].entries()) {
        await db.person.create({
          data: { familyId: family.id, name, phone: `+5255123456${String(position).padStart(2, "0")}`, locale, position },
        });
      }
      await logIn(context, family.owner.id);
      await page.goto(`/family/${family.id}/incidents/new`);
      const form = page.getByTestId("start-form");
      const controls = [
        ...["Sofía Ortiz", "Mateo Ortiz", "Abuela Carmen", "Valentina"].map((name) => form.getByRole("button", { name, exact: true })),
        form.getByRole("button", { name: names.unknown }),
        form.getByRole("checkbox", { name: names.drill }),
      ];
      for (const control of controls) {
        const box = await control.boundingBox();
        expect(box, String(control)).not.toBeNull();
        expect(box!.y, String(control)).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, String(control)).toBeLessThanOrEqual(phoneScreen.height);
        expect(box!.x + box!.width, String(control)).toBeLessThanOrEqual(phoneScreen.width);
      }
      // "I don't know" comes right after the people.
      const lastPerson = (await controls[3]!.boundingBox())!;
      const unknown = (await controls[4]!.boundingBox())!;
      expect(unknown.y).toBeGreaterThan(lastPerson.y);
      // Nothing is wider than the screen (no sideways scrolling).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneScreen.width);
    });
  });
}

test.describe("after the guided setup", () => {
  test.use({ locale: "en-US" });

  test("the family page adds a person, whose page then takes their contacts and confirms each one", async ({
    page,
    context,
    seedFamily,
    logIn,
    db,
  }) => {
    const family = await seedFamily({ locale: "es" });
    await db.family.update({ where: { id: family.id }, data: { setupCompletedAt: new Date() } });
    await db.person.create({ data: { familyId: family.id, name: "Sofía", phone: "+525511112222", locale: "es" } });
    await logIn(context, family.owner.id);

    await page.goto(`/family/${family.id}`);
    await page.getByRole("link", { name: "Add a person" }).click();
    await expect(page).toHaveURL(/\/people\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a person");
    await page.getByLabel("Name", { exact: true }).fill("Leo");
    await page.getByLabel("Mobile number").fill("55 8765 4321");
    await page.getByRole("button", { name: "Add person" }).click();

    // Their page opens, says what happened and what comes next, with the contact form open.
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\?added=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Leo was added" })).toContainText("Now add who can vouch for them");
    await page.getByLabel("Name", { exact: true }).last().fill("Tía Rosa");
    await page.getByLabel("Phone number").fill("55 2222 1111");
    await page.getByRole("button", { name: "Add contact" }).click();
    const confirmation = page.getByRole("status").filter({ hasText: "Tía Rosa was added to tier 1" });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toBeFocused();
    await expect(page.getByRole("region", { name: "Tier 1" })).toContainText("Tía Rosa");
    // The form stays open, empty, for the next one.
    await expect(page.getByLabel("Phone number")).toBeVisible();
    await expect(page.getByLabel("Phone number")).toHaveValue("");
    expect(await db.person.count({ where: { familyId: family.id } })).toBe(2);

    // The plan overview lists both, and offers to add another.
    await page.goto(`/family/${family.id}`);
    await expect(page.getByTestId("plan-people")).toContainText("Leo");
    await expect(page.getByRole("link", { name: "Add a person" })).toBeVisible();
  });

  test("a member sees no way to add a person", async ({ page, context, seedFamily, seedAdult, logIn, db }) => {
    const family = await seedFamily();
    const member = await seedAdult("Member Adult");
    await db.membership.create({ data: { familyId: family.id, userId: member.id, role: "member" } });
    await logIn(context, member.id);
    await page.goto(`/family/${family.id}`);
    await expect(page.getByRole("link", { name: "Add a person" })).toHaveCount(0);
  });
});

test.describe("a number that reads two ways", () => {
  test.use({ locale: "en-US" });

  test("in a Mexican family, a US-style number is shown both ways and saved only as chosen", async ({
    page,
    context,
    seedFamily,
    logIn,
    db,
  }) => {
    const family = await seedFamily({ locale: "es" });
    await logIn(context, family.owner.id);
    await page.goto(`/family/${family.id}/people/new`);
    await page.getByLabel("Name", { exact: true }).fill("Mia");
    await page.getByLabel("Mobile number").fill("(415) 555-0134");
    await page.getByRole("button", { name: "Add person" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved yet" })).toContainText("choose which number you meant");
    const which = page.getByRole("group", { name: "Which number is it?" });
    const mexico = which.getByRole("radio", { name: "Mexico: +52 415 555 0134" });
    const us = which.getByRole("radio", { name: "United States: +1 415 555 0134" });
    await expect(mexico).toBeFocused();
    await expect(us).not.toBeChecked();
    await expect(page.getByLabel("Mobile number")).toHaveValue("(415) 555-0134");
    expect(await db.person.count({ where: { familyId: family.id } })).toBe(0);

    await us.check();
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}\?added=1$/);
    expect(await db.person.findFirstOrThrow({ where: { familyId: family.id }, select: { phone: true } })).toEqual({
      phone: "+14155550134",
    });
    await expect(page.getByLabel("Mobile number")).toHaveValue("+1 415 555 0134");

    // A contact typed the same way, read as Mexican this time.
    await page.getByLabel("Name", { exact: true }).last().fill("Escuela");
    await page.getByLabel("Phone number").fill("415-555-0199");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByRole("radio", { name: "Mexico: +52 415 555 0199" }).check();
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("region", { name: "Tier 1" })).toContainText("+52 415 555 0199");

    // Typed with its country code, or the Mexican way, it is saved at once.
    await page.goto(`/family/${family.id}/people/new`);
    await page.getByLabel("Name", { exact: true }).fill("Eva");
    await page.getByLabel("Mobile number").fill("55 8765 4321");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page).toHaveURL(/\?added=1$/);
  });

  test.describe("in Spanish", () => {
    test.use({ locale: "es-MX" });

    test("el número propio para avisos también se confirma @phone", async ({ page, context, seedFamily, logIn, db }) => {
      const family = await seedFamily({ locale: "es" });
      await logIn(context, family.owner.id);
      await page.goto(`/family/${family.id}/settings`);
      const section = page.getByRole("region", { name: "Tu celular para avisos de todo en orden" });
      await page.getByLabel("Tu número de celular").fill("415 555 0134");
      await section.getByRole("button", { name: "Guardar" }).click();
      await expect(page.getByLabel("Tu número de celular")).toHaveAccessibleDescription(/se puede leer de dos maneras/);
      await page.getByRole("group", { name: "¿Cuál número es?" }).getByRole("radio", { name: "Estados Unidos: +1 415 555 0134" }).check();
      await section.getByRole("button", { name: "Guardar" }).click();
      await expect(section.getByRole("status")).toHaveText("Guardado.");
      await expect(page.getByLabel("Tu número de celular")).toHaveValue("+1 415 555 0134");
      expect(await db.membership.findFirstOrThrow({ where: { familyId: family.id }, select: { phone: true } })).toEqual({
        phone: "+14155550134",
      });
    });
  });
});

test.describe("the plan card", () => {
  for (const [family, screen, expected] of [
    [
      "es",
      "en-US",
      {
        title: "Plan de seguridad familiar — Familia Ríos",
        tiers: ["Nivel 1", "Nivel 2", "Nivel 3"],
        friend: "Beto (Amigo(a))",
        lang: "es-MX",
      },
    ],
    [
      "en",
      "es-MX",
      { title: "Family safety plan — Familia Ríos", tiers: ["Tier 1", "Tier 2", "Tier 3"], friend: "Beto (Friend)", lang: "en-US" },
    ],
  ] as const) {
    test.describe(`of a family in ${family}, read in ${screen}`, () => {
      test.use({ locale: screen });

      test("lists every tier, grouped, in the family's language", async ({ page, context, seedFamily, logIn, db }) => {
        const seeded = await seedFamily({ name: "Familia Ríos", locale: family });
        const person = await db.person.create({ data: { familyId: seeded.id, name: "Ana Ríos", phone: "+525511112222", locale: family } });
        for (const [tier, name, relationship, phone] of [
          [1, "Escuela", "school", "+525533334444"],
          [2, "Beto", "friend", "+525544445555"],
          [3, "Vecina", "neighbor", "+525566667777"],
        ] as const) {
          const contact = await db.contact.create({ data: { familyId: seeded.id, name, phone, locale: family, relationship } });
          await db.personContact.create({ data: { personId: person.id, contactId: contact.id, tier } });
        }
        await logIn(context, seeded.owner.id);
        await page.goto(`/family/${seeded.id}/card`);
        const card = page.locator("article");
        await expect(card).toHaveAttribute("lang", expected.lang);
        await expect(card.getByRole("heading", { level: 1 })).toHaveText(expected.title);
        const people = page.getByTestId("card-people");
        for (const [index, tier] of expected.tiers.entries()) {
          await expect(people.getByTestId(`card-tier-${index + 1}`).getByRole("heading")).toHaveText(tier);
        }
        await expect(people.getByTestId("card-tier-1")).toContainText("Escuela");
        await expect(people.getByTestId("card-tier-2")).toContainText(`${expected.friend}: +52 55 4444 5555`);
        await expect(people.getByTestId("card-tier-3")).toContainText("Vecina");
        // One printed page still.
        await page.emulateMedia({ media: "print" });
        const pdf = await page.pdf({ format: "Letter" }).catch(() => null);
        if (pdf) expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      });
    });
  }
});
