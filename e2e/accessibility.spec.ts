import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const wcag22aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), what).toEqual([]);
}

for (const locale of ["es-MX", "en-US"]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test("public pages and forms with errors meet WCAG 2.2 AA @phone", async ({ page }) => {
      await page.goto("/");
      await expectNoViolations(page, "home");
      await page.goto("/sign-up");
      await page.getByRole("main").locator("form button[type=submit]").click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "sign-up with errors");
      await page.goto("/sign-in");
      await expectNoViolations(page, "sign-in");
    });

    test("the family pages meet WCAG 2.2 AA @phone", async ({ page, context, seedAdult, seedFamily, seedInvite, logIn, db }) => {
      const adult = await seedAdult();
      await logIn(context, adult.id);
      await page.goto("/onboarding");
      await expectNoViolations(page, "onboarding");

      const family = await seedFamily();
      await logIn(context, family.owner.id);
      await page.goto(`/family/${family.id}`);
      await page.locator("#invite-title ~ form button[type=submit]").click();
      await expect(page.locator("#invite-url")).toBeVisible();
      await expectNoViolations(page, "dashboard with an invite link");

      await page.getByRole("link", { name: /guided setup|configuración guiada/ }).click();
      await expect(page).toHaveURL(/\/setup\/people$/);
      await page.getByRole("main").locator("form button[type=submit]").click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "setup: people, with errors");
      const person = await db.person.create({ data: { familyId: family.id, name: "Sofía", phone: "+525512345678", locale: "es" } });
      const contact = await db.contact.create({ data: { familyId: family.id, name: "Escuela", phone: "+525555551234", locale: "es", relationship: "school", channel: "voice" } });
      await db.personContact.create({ data: { personId: person.id, contactId: contact.id, tier: 1 } });
      for (const path of ["setup/words", "setup/contacts", "setup/review", `people/${person.id}`, "contacts", `contacts/${contact.id}`, "words", "card", "settings"]) {
        await page.goto(`/family/${family.id}/${path}`);
        await expectNoViolations(page, path);
      }

      // The live-call screens: choosing who, the checklist during the call, and the report.
      await page.goto(`/family/${family.id}/incidents/new`);
      await expectNoViolations(page, "start a verification");
      await page.getByRole("button", { name: "Sofía", exact: true }).click();
      await expect(page.getByTestId("incident-banner")).toBeVisible();
      await expectNoViolations(page, "live-call checklist");
      await page.getByRole("button", { name: /False alarm|Falsa alarma/ }).click();
      await page.getByRole("link", { name: /Incident report|Informe del incidente/ }).click();
      await expectNoViolations(page, "incident report");

      const token = await seedInvite({ familyId: family.id, createdById: family.owner.id });
      await logIn(context, adult.id);
      await page.goto(`/invite/${token}`);
      await expectNoViolations(page, "invite");
    });
  });
}
