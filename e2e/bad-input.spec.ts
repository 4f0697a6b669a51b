import { expect, test } from "./fixtures";

test.use({ locale: "en-US" });

test("signing up with an email that already has an account says so and keeps the form", async ({ page, seedAdult, db }) => {
  const existing = await seedAdult("Existing Adult");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password", { exact: true }).fill("a perfectly fine phrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("An account with this email already exists. Sign in instead.");
  await expect(page.getByLabel("Your name")).toHaveValue("Someone Else");
  expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
});

test("an invalid email and a short password are explained on their fields", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Ana");
  await page.getByLabel("Email").fill("ana-at-example");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.com.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Use at least 10 characters\./);
});

test("an expired invite link is explained, not an error page", async ({ page, seedFamily, seedInvite }) => {
  const family = await seedFamily();
  const token = await seedInvite({ familyId: family.id, createdById: family.owner.id, expiresAt: new Date(Date.now() - 60_000) });
  await page.goto(`/invite/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invite cannot be used");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invite link has expired.");
});

test("a reused or mangled invite link is explained", async ({ page, seedFamily, seedInvite, seedAdult }) => {
  const family = await seedFamily();
  const joined = await seedAdult();
  const token = await seedInvite({ familyId: family.id, createdById: family.owner.id, acceptedById: joined.id });
  await page.goto(`/invite/${token}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invite link has already been used.");
  await page.goto(`/invite/${token.slice(0, 20)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This invite link is not valid. Check that you copied all of it.");
});

test.describe("another family's pages", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("answer 404, as do malformed family ids", async ({ page, context, seedFamily, logIn }) => {
    const mine = await seedFamily({ name: "Mine" });
    const theirs = await seedFamily({ name: "Theirs" });
    await logIn(context, mine.owner.id);

    await page.goto(`/family/${mine.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mine");

    for (const path of [`/family/${theirs.id}`, "/family/not-a-uuid", "/family/00000000-0000-7000-8000-000000000000"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page.getByText("Theirs")).toHaveCount(0);
    }
  });
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
