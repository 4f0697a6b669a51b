import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

const password = "a calm plan for every call";

test("an adult signs up, creates the family, signs out and in, and a second adult joins by invite", async ({ page, openBrowser }) => {
  const email = `owner-${randomUUID()}@example.test`;

  await page.goto("/", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Be ready before the call comes");
  await page.getByRole("link", { name: "Create your family's plan" }).click();

  await page.getByLabel("Your name").fill("Laura Méndez");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/onboarding$/);
  // Submitting without a name keeps the choices and explains what is missing, on the field.
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Create family" }).click();
  const familyName = page.getByLabel("Family name");
  await expect(familyName).toHaveAccessibleDescription(/Enter a name for your family\./);
  await expect(familyName).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Country")).toHaveValue("US");
  await familyName.fill("The Méndez family");
  await page.getByRole("button", { name: "Create family" }).click();

  // A new family goes straight into the guided setup; the family's page is one tap away.
  await expect(page).toHaveURL(/\/setup\/people$/);
  await expect(page.getByText("Step 2 of 5")).toBeVisible();
  await page.getByRole("link", { name: "The Méndez family" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Méndez family");
  await expect(page.getByText("United States · messages in English · you are Owner")).toBeVisible();
  const dashboardUrl = page.url();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "I already have an account" })).toBeVisible();
  await page.goto(dashboardUrl);
  await expect(page).toHaveURL(/\/sign-in\?next=/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not correct.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(dashboardUrl);

  await page.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await page.getByLabel("Invite link").inputValue();
  expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("heading", { name: "Pending invites" })).toBeVisible();

  const partner = await openBrowser({ locale: "en-US" });
  await partner.goto(inviteUrl);
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Join The Méndez family on Confirma");
  await partner.getByRole("link", { name: "Create an account to join" }).click();
  await partner.getByLabel("Your name").fill("Jorge Méndez");
  await partner.getByLabel("Email").fill(`partner-${randomUUID()}@example.test`);
  await partner.getByLabel("Password", { exact: true }).fill("another calm long phrase");
  await partner.getByRole("button", { name: "Create account" }).click();
  await partner.getByRole("button", { name: "Join the family" }).click();
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText("The Méndez family");
  await expect(partner.getByText("you are Admin")).toBeVisible();
  await expect(partner.getByTestId("members").getByRole("listitem")).toHaveCount(2);

  // The link worked once.
  const stranger = await openBrowser({ locale: "en-US" });
  await stranger.goto(inviteUrl);
  await expect(stranger.getByRole("main").getByRole("alert")).toHaveText("This invite link has already been used.");

  await page.reload();
  await expect(page.getByTestId("members")).toContainText("Jorge Méndez");
  await expect(page.getByRole("heading", { name: "Pending invites" })).toHaveCount(0);
});
