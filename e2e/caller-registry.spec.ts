// Knowing the caller: three families report a number from "Check a number"; a fourth, on its
// live screen, types the same number its own way and is told within a second, in Spanish and
// in English. Below the threshold, nothing is shown.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, openFamilyPage, test } from "./fixtures";

test.use({ locale: "es-MX" });

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

type Seed = Parameters<Parameters<typeof test>[2]>[0];

/** A Mexico City number no other run used. */
const randomNumber = () => `55 ${String(1000 + Math.floor(Math.random() * 9000))} ${String(1000 + Math.floor(Math.random() * 9000))}`;

async function reportFrom(browser: Browser, seed: Pick<Seed, "seedReportingFamily" | "logIn">, number: string, scan = false) {
  const family = await seed.seedReportingFamily({ locale: "es" });
  const context = await browser.newContext({ locale: "es-MX" });
  await seed.logIn(context, family.owner.id);
  const page = await context.newPage();
  await page.goto(`/family/${family.id}`);
  await openFamilyPage(page, "Revisar un número");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revisar un número");
  await page.getByLabel("Número, cuenta, tarjeta o referencia").fill(number);
  await expect(page.getByTestId("check-result")).toContainText("No está en la lista compartida");
  await page.getByRole("button", { name: "Reportarlo como estafa" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reportado. Gracias" })).toBeVisible();
  await expect(page.getByTestId("check-result")).toContainText("Tu familia ya lo reportó.");
  if (scan) await expectAccessible(page);
  await context.close();
}

test("three families report a number; a fourth is warned on its live screen, in Spanish and in English", async ({
  browser,
  page,
  context,
  seedReportingFamily,
  logIn,
}) => {
  test.setTimeout(120_000);
  const number = randomNumber();
  const digits = number.replaceAll(" ", "");
  await reportFrom(browser, { seedReportingFamily, logIn }, number, true);
  await reportFrom(browser, { seedReportingFamily, logIn }, number);

  // Spanish, below the threshold (two families): nothing about the others.
  const spanish = await seedReportingFamily({ locale: "es", person: "Sofía" });
  await logIn(context, spanish.owner.id);
  await page.goto(`/family/${spanish.id}/incidents/new`);
  await page.getByRole("button", { name: "Sofía", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  const field = page.getByLabel("Número que te está llamando");
  await field.fill(`+52 1 ${number}`);
  await expect(page.getByTestId("caller-result")).toContainText("No está en la lista compartida");
  await expect(page.getByTestId("caller-warning")).toHaveCount(0);

  await reportFrom(browser, { seedReportingFamily, logIn }, `(${digits.slice(0, 2)}) ${digits.slice(2, 6)}-${digits.slice(6)}`);

  // The third report: the same screen now warns as the number is typed (how fast is the bench's matter).
  await field.fill("");
  await field.fill(digits);
  await expect(page.getByTestId("caller-warning")).toHaveText(/Reportado por 3 familias en los últimos 30 días como número de extorsión/, {
    timeout: 5_000,
  });
  await expect(page.getByTestId("caller-result")).toContainText("México · lada 55 (Ciudad de México)");
  // Kept on the incident: after a reload it is still there, still checked.
  await page.reload();
  await expect(page.getByTestId("caller-warning")).toContainText("Reportado por 3 familias");

  // A payment detail, validated: a CLABE with a wrong check digit is refused in words.
  await page.getByLabel("Cuenta, tarjeta, referencia o cartera que te dieron").fill("032180000118359718");
  await page.getByRole("button", { name: "Agregar" }).click();
  await expect(page.locator("#payment-error")).toHaveText("El último dígito de esta CLABE no coincide con los demás: revisa cada dígito.");
  await page.getByLabel("Cuenta, tarjeta, referencia o cartera que te dieron").fill("032180000118359719");
  await page.getByRole("button", { name: "Agregar" }).click();
  await expect(page.getByTestId("caller-payments")).toContainText("CLABE: 032 180 00011835971 9");
  await expectAccessible(page);

  // English: another family, another adult, another language.
  const english = await seedReportingFamily({ locale: "en", person: "Sam" });
  const other = await browser.newContext({ locale: "en-US" });
  await logIn(other, english.owner.id);
  const englishPage = await other.newPage();
  await englishPage.goto(`/family/${english.id}/incidents/new`);
  await englishPage.getByRole("button", { name: "Sam", exact: true }).click();
  await expect(englishPage).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await englishPage.getByLabel("Number calling you").fill(`+52 ${number}`);
  await expect(englishPage.getByTestId("caller-warning")).toHaveText(/Reported by 3 families in the last 30 days as an extortion number/);
  await expect(englishPage.getByTestId("caller-result")).toContainText("Mexico · area code 55 (Ciudad de México)");
  await englishPage.getByRole("button", { name: "Hidden / private number" }).click();
  await expect(englishPage.getByText("Hidden number: nothing to check.")).toBeVisible();
  await other.close();
});
