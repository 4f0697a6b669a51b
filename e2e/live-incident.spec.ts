import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.use({ locale: "es-MX" });

type Seed = Parameters<Parameters<typeof test>[2]>[0];

async function familyWithPlan(
  { seedFamily, db }: Pick<Seed, "seedFamily" | "db">,
  delays = { call: 60, tier1: 90, tier2: 180, tier3: 300 },
) {
  const family = await seedFamily({ name: "Familia Luna", locale: "es" });
  await db.family.update({
    where: { id: family.id },
    data: {
      callDelaySeconds: delays.call,
      tier1DelaySeconds: delays.tier1,
      tier2DelaySeconds: delays.tier2,
      tier3DelaySeconds: delays.tier3,
    },
  });
  const suffix = String(Date.now()).slice(-6);
  const sofia = await db.person.create({ data: { familyId: family.id, name: "Sofía", phone: `+525510${suffix}`, locale: "es" } });
  const coach = await db.contact.create({
    data: { familyId: family.id, name: "Coach Rita", phone: `+525520${suffix}`, locale: "es", relationship: "coach", channel: "sms" },
  });
  const aunt = await db.contact.create({
    data: { familyId: family.id, name: "Tía Marta", phone: `+525530${suffix}`, locale: "es", relationship: "relative", channel: "sms" },
  });
  await db.personContact.create({ data: { personId: sofia.id, contactId: coach.id, tier: 1 } });
  await db.personContact.create({ data: { personId: sofia.id, contactId: aunt.id, tier: 2 } });
  // The safe word "mazapan" and the duress word "girasol", hashed as the app does.
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
  return { family, sofia, coach, aunt };
}

async function startFor(page: Page, name: string) {
  await page.getByRole("link", { name: "¿Llamada sospechosa? Verificar ahora" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿A quién dice tener quien llama?");
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByTestId("incident-banner")).toContainText(`Verificando a ${name}…`);
}

async function replyFromSimulatedPhone(page: Page, phone: string, holder: string, text: string) {
  await page.goto("/simulator");
  const simulated = page.locator(`[data-phone="${phone}"]`);
  await expect(simulated.getByTestId("conversation")).not.toBeEmpty();
  await simulated.getByLabel(`Responder como ${holder}`).fill(text);
  await simulated.getByRole("button", { name: "Enviar" }).click();
  // A secret word is never stored in clear, not even in the simulator's conversation.
  const secret = ["mazapan", "girasol"].includes(text.toLowerCase());
  await expect(simulated.getByTestId("conversation")).toContainText(secret ? "[redacted]" : text);
}

test("un incidente completo: Sofía responde con la palabra clave y todos reciben el aviso @phone", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
}) => {
  const { family, sofia, coach } = await familyWithPlan({ seedFamily, db });
  await db.membership.updateMany({ where: { familyId: family.id }, data: { phone: "+525599990001" } });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  await startFor(page, "Sofía");
  const incidentUrl = page.url();

  // The discreet check-in reached Sofía's phone at once.
  await expect(page.getByTestId("timeline")).toContainText("Mensaje enviado a Sofía");
  await page.getByRole("button", { name: "No digas el nombre de tu familiar." }).click();
  await expect(page.getByRole("button", { name: "No digas el nombre de tu familiar." })).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Número de quien llama").fill("+52 55 4444 3333");
  await page.getByLabel("Exigencias").fill("50 mil pesos por transferencia");
  await page.getByRole("button", { name: "Guardar notas" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Guardado." })).toBeVisible();
  await page.getByRole("button", { name: "Enviar ya la siguiente ronda" }).click(); // the call to Sofía
  await page.getByRole("button", { name: "Enviar ya la siguiente ronda" }).click(); // tier 1: Coach Rita
  await expect(page.getByTestId("pings").locator(`[data-phone="${coach.phone}"]`)).toBeVisible();

  await replyFromSimulatedPhone(page, sofia.phone, "Sofía", "mazapan");
  const sofiaPhone = page.locator(`[data-phone="${sofia.phone}"]`);
  await expect(sofiaPhone.getByTestId("conversation")).toContainText("fue un engaño. Llama a casa.");
  await expect(page.locator(`[data-phone="${coach.phone}"]`).getByTestId("conversation")).toContainText("todo en orden, Sofía esta bien");

  await page.goto(incidentUrl);
  await expect(page.getByTestId("incident-banner")).toContainText("Sofía está bien. Cuelga.");
  await expect(page.getByRole("link", { name: "Denuncia anónima (24 h): 089" })).toHaveAttribute("href", "tel:089");
  expect((await page.content()).toLowerCase()).not.toContain("mazapan");

  await page.getByRole("link", { name: "Informe del incidente" }).click();
  await expect(page.getByTestId("report-summary")).toContainText("+52 55 4444 3333");
  await expect(page.getByTestId("report-summary")).toContainText("50 mil pesos por transferencia");
  await expect(page.getByTestId("report-pings")).toContainText("Sofía (SMS");
  await expect(page.getByTestId("report-pings")).toContainText("Palabra clave: confirmado a salvo");

  // The family is asked to choose a new safe word.
  await page.goto(`/family/${family.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "Elijan una palabra clave nueva" })).toBeVisible();
});

test("nadie contesta: las rondas salen a tiempo", async ({ page, context, seedFamily, db, logIn }) => {
  const { family, coach, aunt } = await familyWithPlan({ seedFamily, db }, { call: 2, tier1: 4, tier2: 6, tier3: 8 });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  await startFor(page, "Sofía");
  const pings = page.getByTestId("pings");
  await expect(pings.getByText("Persona, llamada")).toBeVisible({ timeout: 10_000 });
  await expect(pings.locator(`[data-phone="${coach.phone}"]`)).toBeVisible({ timeout: 10_000 });
  await expect(pings.locator(`[data-phone="${aunt.phone}"]`)).toBeVisible({ timeout: 10_000 });
  // Tier 2 is due 6 s after the start: it must not have come early.
  const tier2 = await db.checkIn.findFirstOrThrow({ where: { phone: aunt.phone } });
  const incident = await db.incident.findFirstOrThrow({ where: { familyId: family.id } });
  expect(tier2.createdAt.getTime() - incident.startedAt.getTime()).toBeGreaterThanOrEqual(6_000);
  await expect(page.getByTestId("timeline")).toContainText("Siguiente ronda: nivel 2 (1)");
});

test("la palabra de emergencia pone la pantalla en peligro", async ({ page, context, seedFamily, db, logIn }) => {
  const { family, sofia } = await familyWithPlan({ seedFamily, db });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  await startFor(page, "Sofía");
  const incidentUrl = page.url();
  await replyFromSimulatedPhone(page, sofia.phone, "Sofía", "Girasol");
  // The sender's phone gets exactly what the safe word would have brought: the same short reply.
  const conversation = page.locator(`[data-phone="${sofia.phone}"]`).getByTestId("conversation").locator("li");
  await expect(conversation).toHaveCount(3);
  await expect(conversation.last()).toContainText("fue un engaño. Llama a casa.");
  await page.goto(incidentUrl);
  await expect(page.getByTestId("incident-banner")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("incident-banner")).toContainText("PELIGRO: llama al 911 ahora");
  await expect(page.getByRole("link", { name: "Llamar al 911" })).toHaveAttribute("href", "tel:911");
});

test("dos adultos ven el mismo incidente en vivo", async ({ page, context, seedFamily, seedAdult, db, logIn, openBrowser }) => {
  const { family, coach } = await familyWithPlan({ seedFamily, db });
  const partner = await seedAdult("Pareja");
  await db.membership.create({ data: { familyId: family.id, userId: partner.id, role: "admin" } });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}`);
  await startFor(page, "Sofía");
  const incidentUrl = page.url();

  const second = await openBrowser({ locale: "es-MX" });
  await logIn(second.context(), partner.id);
  await second.goto(incidentUrl);
  await expect(second.getByTestId("live-state")).toHaveAttribute("data-connected", "true");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true");

  // One adult sends a wave; the other sees it without reloading.
  await page.getByRole("button", { name: "Enviar ya la siguiente ronda" }).click();
  await page.getByRole("button", { name: "Enviar ya la siguiente ronda" }).click();
  await expect(second.getByTestId("pings").locator(`[data-phone="${coach.phone}"]`)).toBeVisible();

  // The coach answers YES from the simulated phone: both screens show it.
  const phone = await openBrowser({ locale: "es-MX" });
  await logIn(phone.context(), family.owner.id);
  await replyFromSimulatedPhone(phone, coach.phone, "Coach Rita", "SI");
  for (const screen of [page, second]) {
    await expect(screen.getByTestId("incident-banner")).toContainText("Probablemente está bien");
    await expect(screen.getByTestId("people")).toContainText("Coach Rita dice que puede ver a Sofía");
  }
  await second.getByRole("button", { name: "Falsa alarma" }).click();
  await expect(page.getByTestId("incident-banner")).toContainText("Verificación terminada: Falsa alarma");
});
