// Fixtures seed through Prisma and log in directly (a session row plus its signed cookie),
// so that tests which are not about signing in do not go through the form.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import twilio from "twilio";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { e2eServer } from "./server";

type SeededAdult = { id: string; name: string; email: string };
type SeededFamily = { id: string; name: string; owner: SeededAdult };

type Fixtures = {
  /** Console messages a test expects (e.g. the browser's own line for a 404 response). */
  allowedConsoleErrors: RegExp[];
  /** Another person's browser: a new context and page, watched for errors like `page`. */
  openBrowser: (options?: BrowserContextOptions) => Promise<Page>;
  db: PrismaClient;
  seedAdult: (name?: string) => Promise<SeededAdult>;
  seedFamily: (options?: { name?: string; locale?: "es" | "en" }) => Promise<SeededFamily>;
  /** A family whose reports count in the caller registry: a person in its plan, and created days ago. */
  seedReportingFamily: (options?: {
    name?: string;
    locale?: "es" | "en";
    person?: string;
  }) => Promise<SeededFamily & { personName: string }>;
  seedInvite: (options: { familyId: string; createdById: string; expiresAt?: Date; acceptedById?: string }) => Promise<string>;
  /** Someone the family protects, with a Mexico City mobile no other test uses. */
  seedPerson: (familyId: string, options?: { name?: string; locale?: "es" | "en" }) => Promise<{ id: string; name: string; phone: string }>;
  logIn: (context: BrowserContext, userId: string) => Promise<void>;
  /** A text from `from`, delivered to the app exactly as the provider (or the simulator) does: a signed webhook. */
  textFrom: (from: string, body: string) => Promise<void>;
};

// The simulator's webhook token, derived from the e2e server's secret as the app derives it.
const webhookToken = createHmac("sha256", e2eServer.authSecret).update("confirma-simulator-webhooks").digest("hex");

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: e2eServer.databaseUrl, max: 2 }) });
    await use(db);
    await db.$disconnect();
  },

  seedAdult: async ({ db }, use) => {
    await use(async (name = "Seeded Adult") => {
      const id = randomUUID();
      return db.user.create({ data: { id, name, email: `${id}@example.test` }, select: { id: true, name: true, email: true } });
    });
  },

  seedFamily: async ({ db, seedAdult }, use) => {
    await use(async (options = {}) => {
      const owner = await seedAdult("Owner Adult");
      const family = await db.family.create({
        data: {
          name: options.name ?? `Family ${randomUUID().slice(0, 8)}`,
          country: "MX",
          locale: options.locale ?? "es",
          memberships: { create: { userId: owner.id, role: "owner" } },
        },
      });
      return { id: family.id, name: family.name, owner };
    });
  },

  seedReportingFamily: async ({ db, seedFamily }, use) => {
    await use(async (options = {}) => {
      const family = await seedFamily(options);
      const personName = options.person ?? "Sofía";
      const phone = `+5255${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
      await db.family.update({
        where: { id: family.id },
        data: {
          createdAt: new Date(Date.now() - 3 * 86400_000),
          people: { create: { name: personName, phone, locale: options.locale ?? "es" } },
        },
      });
      return { ...family, personName };
    });
  },

  seedInvite: async ({ db }, use) => {
    await use(async ({ familyId, createdById, expiresAt, acceptedById }) => {
      const token = randomBytes(32).toString("base64url");
      await db.invite.create({
        data: {
          familyId,
          createdById,
          tokenHash: createHash("sha256").update(token).digest("hex"),
          expiresAt: expiresAt ?? new Date(Date.now() + 3600_000),
          acceptedById,
          acceptedAt: acceptedById ? new Date() : undefined,
        },
      });
      return token;
    });
  },

  seedPerson: async ({ db }, use) => {
    await use(async (familyId, options = {}) => {
      const phone = `+5255${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, "0")}`;
      return db.person.create({
        data: { familyId, name: options.name ?? "Ana", phone, locale: options.locale ?? "es" },
        select: { id: true, name: true, phone: true },
      });
    });
  },

  logIn: async ({ db }, use) => {
    await use(async (context, userId) => {
      const token = randomBytes(24).toString("base64url");
      await db.session.create({ data: { id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86400_000) } });
      // The same signature better-auth puts on its session cookie (HMAC-SHA256, base64).
      const signature = createHmac("sha256", e2eServer.authSecret).update(token).digest("base64");
      await context.addCookies([
        {
          name: "better-auth.session_token",
          value: encodeURIComponent(`${token}.${signature}`),
          url: e2eServer.baseUrl,
          httpOnly: true,
          sameSite: "Lax",
        },
      ]);
    });
  },

  textFrom: async ({ request }, use) => {
    await use(async (from, body) => {
      const params = { MessageSid: `SM${randomBytes(16).toString("hex")}`, From: from, To: "+15005550006", Body: body };
      const signature = twilio.getExpectedTwilioSignature(webhookToken, `${e2eServer.baseUrl}/api/twilio/sms`, params);
      const response = await request.post("/api/twilio/sms", { form: params, headers: { "X-Twilio-Signature": signature } });
      expect(response.status()).toBe(200);
    });
  },

  allowedConsoleErrors: [[], { option: true }],

  // Any console error or uncaught exception in a page fails the test.
  page: async ({ page, allowedConsoleErrors }, use) => {
    const problems = watchForErrors(page, allowedConsoleErrors);
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },

  openBrowser: async ({ browser, allowedConsoleErrors }, use) => {
    const opened: { context: BrowserContext; problems: string[] }[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      opened.push({ context, problems: watchForErrors(page, allowedConsoleErrors) });
      return page;
    });
    for (const { context, problems } of opened) {
      await context.close();
      expect(problems, "another browser's page logged errors").toEqual([]);
    }
  },
});

export { expect };

function watchForErrors(page: Page, allowed: RegExp[]): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !allowed.some((pattern) => pattern.test(message.text()))) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Follows a link of the family's pages: on a phone they are folded in a menu, opened first. */
export async function openFamilyPage(page: Page, name: string) {
  const menu = page.locator("details:has(nav) > summary");
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
}
