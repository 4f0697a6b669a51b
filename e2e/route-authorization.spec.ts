// Every page and route handler of the app, found from the files themselves so that a new one
// cannot be forgotten: anonymous visitors are sent to sign in (pages) or refused (handlers),
// and an adult of one family gets 404 for another family's ids.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

function routeFiles(dir: string, prefix = ""): { route: string; kind: "page" | "handler" }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      return routeFiles(path.join(dir, entry.name), `${prefix}${segment}`);
    }
    if (entry.name === "page.tsx") return [{ route: prefix || "/", kind: "page" as const }];
    if (entry.name === "route.ts") return [{ route: prefix, kind: "handler" as const }];
    return [];
  });
}

const routes = routeFiles(path.join(process.cwd(), "app"));
const publicRoutes = new Set(["/", "/sign-in", "/sign-up", "/invite/[token]", "/offline/[locale]", "/api/health", "/api/auth/[...all]"]);
// Machine callers: refused without a valid provider signature (see the webhook tests).
const signedWebhooks = new Set(["/api/twilio/sms", "/api/twilio/status", "/api/twilio/voice", "/api/twilio/voice/gather"]);

test.use({ allowedConsoleErrors: [/status of 40[134]/] });

test("the route list is known, and every family route refuses strangers and other families", async ({
  page,
  context,
  request,
  seedFamily,
  logIn,
  db,
}) => {
  const mine = await seedFamily({ name: "Mine" });
  const theirs = await seedFamily({ name: "Theirs" });
  const person = await db.person.create({ data: { familyId: theirs.id, name: "Ajena", phone: "+525599887766", locale: "es" } });
  const contact = await db.contact.create({
    data: { familyId: theirs.id, name: "Ajeno", phone: "+525599887755", locale: "es", relationship: "friend" },
  });
  const incident = await db.incident.create({ data: { familyId: theirs.id, startedById: theirs.owner.id } });
  const values: Record<string, string> = {
    "[familyId]": theirs.id,
    "[personId]": person.id,
    "[contactId]": contact.id,
    "[incidentId]": incident.id,
    "[step]": "people",
  };
  const guarded = routes.filter(({ route }) => !publicRoutes.has(route) && !signedWebhooks.has(route));
  expect(guarded.length).toBeGreaterThan(10);
  for (const { route } of guarded) {
    for (const segment of route.match(/\[[^\]]+\]/g) ?? [])
      expect(values[segment], `no test value for ${segment} in ${route}: add one`).toBeDefined();
  }
  const fill = (route: string) =>
    route.replace(/\[[^\]]+\]/g, (segment) => values[segment]!) + (route.startsWith("/api/incidents") ? `?family=${theirs.id}` : "");

  // Anonymous: sent to sign in (pages, and downloads under a family's pages) or refused (API).
  for (const { route, kind } of guarded) {
    const response = await request.fetch(fill(route), { maxRedirects: 0 });
    if (kind === "page" || !route.startsWith("/api/")) {
      expect([302, 303, 307, 308], `${route} anonymous`).toContain(response.status());
      expect(response.headers().location ?? "", route).toContain("/sign-in");
    } else {
      expect(response.status(), `${route} anonymous`).toBe(401);
    }
  }

  // Signed in to another family: 404 everywhere, and nothing of theirs on the page.
  await logIn(context, mine.owner.id);
  for (const { route } of guarded) {
    if (route === "/onboarding" || route === "/simulator" || route === "/account") continue; // not family-scoped by URL
    if (route.startsWith("/api/partners/")) continue; // partners' bearer tokens, not sessions: 401 above for everyone
    const response = await page.goto(fill(route));
    expect(response?.status(), `${route} as another family`).toBe(404);
    expect(await page.content(), route).not.toMatch(/Ajena|Ajeno|Theirs/);
  }
  // The simulator shows only one's own families' phones.
  await page.goto("/simulator");
  await expect(page.getByText("Ajena")).toHaveCount(0);
});
