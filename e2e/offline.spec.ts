import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Offline, the browser itself logs the failed connections (the event stream, the reload's own
// network attempt before the service worker answers).
test.use({ locale: "es-MX", allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|EventSource|net::|Failed to fetch|FetchEvent/] });

/** The service worker controls the page, and the page (with its static files) is on the phone. */
async function keptOnThisPhone(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.pathname, { ignoreVary: true }))), { timeout: 20_000 })
    .toBe(true);
}

test("the live checklist, the guidance and the emergency numbers survive a reload without network; ticks and notes are sent when it returns @phone", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
}) => {
  const family = await seedFamily({ name: "Familia Sin Red", locale: "es" });
  await db.person.create({ data: { familyId: family.id, name: "Inés", phone: `+525541${String(Date.now()).slice(-6)}`, locale: "es" } });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Inés", exact: true }).click();
  await expect(page.getByTestId("incident-banner")).toContainText("Verificando a Inés…");
  const incident = await db.incident.findFirstOrThrow({ where: { familyId: family.id } });
  await keptOnThisPhone(page);

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  const hangUp = page.getByRole("button", { name: "Cuelga. No tienes que quedarte en la línea." });
  await expect(hangUp).toBeVisible();
  await expect(page.getByRole("heading", { name: "Qué hacer ahora" })).toBeVisible();
  const numbers = page.getByTestId("emergency-numbers");
  await expect(numbers.getByRole("link", { name: /911/ })).toHaveAttribute("href", "tel:911");
  await expect(numbers.getByRole("link", { name: /089/ })).toHaveAttribute("href", "tel:089");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "false");

  // Made offline: kept on the phone, said so, and nothing reached the server yet.
  await hangUp.click();
  await expect(hangUp).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("Guardado en este teléfono; se enviará al volver la conexión.")).toBeVisible();
  // Changed twice: both are sent, in the order they were made.
  const noNames = page.getByRole("button", { name: "No digas el nombre de tu familiar." });
  await noNames.click();
  await expect(noNames).toHaveAttribute("aria-pressed", "true");
  await noNames.click();
  await expect(noNames).toHaveAttribute("aria-pressed", "false");
  await page.getByLabel("Número de quien llama").fill("+52 55 1212 3434");
  await page.getByLabel("Exigencias").fill("Piden 20 mil por transferencia");
  await page.getByRole("button", { name: "Guardar notas" }).click();
  await expect(page.getByTestId("queued-notes")).toHaveText("Notas guardadas en este teléfono; se enviarán al volver la conexión.");
  await expect(page.getByLabel("Exigencias")).toHaveValue("Piden 20 mil por transferencia");
  // What needs the network says so rather than failing.
  await page.getByRole("button", { name: "Pausar los mensajes automáticos" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sin conexión: esto necesita internet." })).toBeVisible();

  let stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
  expect(stored.checkedSteps).not.toContain("hangUp");
  expect(stored.callerNumber).toBe("");

  // Back online: sent in order, by the same actions, and the page shows what the server has.
  await context.setOffline(false);
  await expect(page.getByTestId("queued-notes")).toBeEmpty();
  await expect(page.getByText("Guardado en este teléfono; se enviará al volver la conexión.")).toHaveCount(0);
  await expect.poll(async () => (await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).checkedSteps).toContain("hangUp");
  stored = await db.incident.findUniqueOrThrow({ where: { id: incident.id } });
  expect(stored.checkedSteps).not.toContain("noNames");
  const ticks = await db.incidentEvent.findMany({ where: { incidentId: incident.id, type: "step_ticked" }, orderBy: { id: "asc" } });
  expect(ticks.map((event) => event.data)).toEqual([
    { step: "hangUp", checked: true },
    { step: "noNames", checked: true },
    { step: "noNames", checked: false },
  ]);
  expect(stored.callerNumber).toBe("+52 55 1212 3434");
  expect(stored.demands).toBe("Piden 20 mil por transferencia");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true", { timeout: 15_000 });
  await page.reload();
  await expect(hangUp).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Número de quien llama")).toHaveValue("+52 55 1212 3434");
});

test("a page never kept shows the offline page: the steps and every emergency number, in the phone's language", async ({
  page,
  context,
  seedFamily,
  logIn,
}) => {
  const family = await seedFamily({ name: "Familia Nueva", locale: "es" });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match("/offline/es")))).toBe(true);

  await context.setOffline(true);
  await page.goto(`/family/${family.id}/contacts`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sin conexión");
  await expect(page.getByRole("link", { name: /^911 Emergencias/ }).first()).toHaveAttribute("href", "tel:911");
  await expect(page.getByRole("link", { name: /089/ })).toHaveAttribute("href", "tel:089");
  await expect(page.getByText("Cuelga. No tienes que quedarte en la línea.")).toBeVisible();
  await page.getByRole("link", { name: "Read in English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No connection");
  await expect(page.getByText("Hang up. You do not have to stay on the line.")).toBeVisible();
});

test("signing out forgets the kept pages", async ({ page, context, seedFamily, db, logIn }) => {
  const family = await seedFamily({ name: "Familia Salida", locale: "es" });
  await db.person.create({ data: { familyId: family.id, name: "Leo", phone: `+525542${String(Date.now()).slice(-6)}`, locale: "es" } });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Leo", exact: true }).click();
  await expect(page.getByTestId("incident-banner")).toContainText("Verificando a Leo…");
  const incidentPath = new URL(page.url()).pathname;
  await keptOnThisPhone(page);

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => page.evaluate(async (path) => Boolean(await caches.match(path, { ignoreVary: true })), incidentPath)).toBe(false);
  await context.setOffline(true);
  await page.goto(incidentPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sin conexión");
});

test("the app can be installed: a manifest with its icons and theme colour", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Confirma",
    short_name: "Confirma",
    display: "standalone",
    start_url: "/",
    theme_color: "#0b5a4a",
  });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
  }
  expect((manifest.icons as { sizes: string }[]).map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
});
