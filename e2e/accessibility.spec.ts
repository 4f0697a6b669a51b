import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { expect, test } from "./fixtures";

// One page (one axe scan) per test: a test's work stays the same size whatever the number of
// pages, so its time depends on the page, not on how many pages one test happens to visit.
const wcag22aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

type PlanPage = {
  name: string;
  /** Goes to the page and brings it to the state that is scanned. */
  open: (page: Page, plan: SeededPlan) => Promise<void>;
};
type SeededPlan = { familyId: string; personId: string; contactId: string };

const visit =
  (path: (plan: SeededPlan) => string): PlanPage["open"] =>
  async (page, plan) => {
    await page.goto(`/family/${plan.familyId}/${path(plan)}`);
  };

const planPages: PlanPage[] = [
  {
    name: "dashboard with an invite link",
    open: async (page, plan) => {
      await page.goto(`/family/${plan.familyId}`);
      await page.locator("#invite-title ~ form button[type=submit]").click();
      await expect(page.locator("#invite-url")).toBeVisible();
    },
  },
  {
    name: "setup: people, with errors",
    open: async (page, plan) => {
      await page.goto(`/family/${plan.familyId}/setup/people`);
      await page.getByRole("main").locator("form button[type=submit]").click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    },
  },
  { name: "setup: words", open: visit(() => "setup/words") },
  {
    name: "setup: words, refused",
    open: async (page, plan) => {
      await page.goto(`/family/${plan.familyId}/setup/words`);
      const fields = page.getByRole("main").locator("form input[type=password]");
      await fields.nth(0).fill("ya voy");
      await fields.nth(1).fill("Ayuda");
      await page.getByRole("main").locator("form button[type=submit]").first().click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expect(fields.nth(1)).toHaveAttribute("aria-invalid", "true");
    },
  },
  { name: "setup: contacts", open: visit(() => "setup/contacts") },
  { name: "setup: review", open: visit(() => "setup/review") },
  { name: "a person", open: visit((plan) => `people/${plan.personId}`) },
  { name: "contacts", open: visit(() => "contacts") },
  { name: "a contact", open: visit((plan) => `contacts/${plan.contactId}`) },
  { name: "words", open: visit(() => "words") },
  { name: "plan card", open: visit(() => "card") },
  { name: "settings", open: visit(() => "settings") },
  { name: "start a verification", open: visit(() => "incidents/new") },
  {
    name: "live-call checklist",
    open: async (page, plan) => {
      await page.goto(`/family/${plan.familyId}/incidents/new`);
      await page.getByRole("button", { name: "Sofía", exact: true }).click();
      await expect(page.getByTestId("incident-banner")).toBeVisible();
    },
  },
  {
    name: "incident report",
    open: async (page, plan) => {
      await page.goto(`/family/${plan.familyId}/incidents/new`);
      await page.getByRole("button", { name: "Sofía", exact: true }).click();
      await page.getByRole("button", { name: /False alarm|Falsa alarma/ }).click();
      await page.getByRole("link", { name: /Incident report|Informe del incidente/ }).click();
      await expect(page).toHaveURL(/\/report$/);
    },
  },
];

async function seedPlan(db: PrismaClient, familyId: string): Promise<SeededPlan> {
  // Numbers unique to this test: other tests run beside it on the same database.
  const suffix = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  const person = await db.person.create({ data: { familyId, name: "Sofía", phone: `+52551${suffix}`, locale: "es" } });
  const contact = await db.contact.create({
    data: { familyId, name: "Escuela", phone: `+52552${suffix}`, locale: "es", relationship: "school", channel: "voice" },
  });
  await db.personContact.create({ data: { personId: person.id, contactId: contact.id, tier: 1 } });
  return { familyId, personId: person.id, contactId: contact.id };
}

for (const locale of ["es-MX", "en-US"]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test("home meets WCAG 2.2 AA @phone", async ({ page }) => {
      await page.goto("/");
      await expectNoViolations(page);
    });

    test("sign-up with errors meets WCAG 2.2 AA @phone", async ({ page }) => {
      await page.goto("/sign-up");
      await page.getByRole("main").locator("form button[type=submit]").click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoViolations(page);
    });

    test("the offline page meets WCAG 2.2 AA @phone", async ({ page }) => {
      // What the service worker shows when the network is gone and no copy was kept (decision 012).
      await page.goto(`/offline/${locale.slice(0, 2)}`);
      await expectNoViolations(page);
    });

    test("sign-in meets WCAG 2.2 AA @phone", async ({ page }) => {
      await page.goto("/sign-in");
      await expectNoViolations(page);
    });

    test("onboarding meets WCAG 2.2 AA @phone", async ({ page, context, seedAdult, logIn }) => {
      const adult = await seedAdult();
      await logIn(context, adult.id);
      await page.goto("/onboarding");
      await expectNoViolations(page);
    });

    test("an invitation meets WCAG 2.2 AA @phone", async ({ page, context, seedAdult, seedFamily, seedInvite, logIn }) => {
      const family = await seedFamily();
      const adult = await seedAdult();
      const token = await seedInvite({ familyId: family.id, createdById: family.owner.id });
      await logIn(context, adult.id);
      await page.goto(`/invite/${token}`);
      await expectNoViolations(page);
    });

    for (const planPage of planPages) {
      test(`the family's ${planPage.name} meets WCAG 2.2 AA @phone`, async ({ page, context, seedFamily, logIn, db }) => {
        const family = await seedFamily();
        const plan = await seedPlan(db, family.id);
        await logIn(context, family.owner.id);
        await planPage.open(page, plan);
        await expectNoViolations(page);
      });
    }
  });
}
