import { expect, openFamilyPage, test } from "./fixtures";

test.use({ locale: "es-MX" });

test("una prueba de contacto llega al teléfono simulado, se responde desde ahí y el plan lo muestra @phone", async ({
  page,
  context,
  seedFamily,
  logIn,
  db,
}) => {
  const family = await seedFamily({ name: "Familia Prueba", locale: "es" });
  // Numbers of this run only: the phone project runs the same test, and the simulator refuses to
  // answer for a number that another family (the other run's) also holds.
  const run = String(1000 + Math.floor(Math.random() * 9000));
  const sofia = await db.person.create({ data: { familyId: family.id, name: "Sofía", phone: `+5255${run}0001`, locale: "es" } });
  await db.contact.create({
    data: {
      familyId: family.id,
      name: "Número equivocado",
      phone: `+5255${run}0000`,
      locale: "es",
      relationship: "friend",
      channel: "sms",
    },
  });
  const school = await db.contact.create({
    data: { familyId: family.id, name: "Escuela", phone: `+5255${run}0101`, locale: "es", relationship: "school", channel: "voice" },
  });
  await db.personContact.create({ data: { personId: sofia.id, contactId: school.id, tier: 1 } });
  await logIn(context, family.owner.id);

  await page.goto(`/family/${family.id}`);
  await page.getByRole("button", { name: "Enviar una prueba a todos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se enviaron 3 pruebas." })).toBeVisible();

  const results = page.getByTestId("test-results");
  const stateOf = (phone: string) => results.locator(`[data-phone="${phone}"]`).getByTestId("test-state");
  await expect(stateOf(`+5255${run}0001`)).toHaveText("Entregado, esperando respuesta");
  // The simulator cannot reach numbers ending in 0000: a wrong number shows up as failed.
  await expect(stateOf(`+5255${run}0000`)).toHaveText("Falló: revisa el número");

  // Sofía's phone: the discreet test text, then her answer, typed on the simulated phone.
  await openFamilyPage(page, "Teléfonos simulados");
  const sofiaPhone = page.locator(`[data-phone="+5255${run}0001"]`);
  await expect(sofiaPhone.getByTestId("conversation")).toContainText("Prueba del plan de seguridad Familia Prueba: responde OK");
  await expect(sofiaPhone.getByTestId("message-status")).toHaveText("delivered");
  await expect(sofiaPhone.getByTestId("conversation")).toContainText("1 segmento");
  await sofiaPhone.getByLabel("Responder como Sofía").fill("OK");
  await sofiaPhone.getByRole("button", { name: "Enviar" }).click();
  await expect(sofiaPhone.getByTestId("conversation")).toContainText("OK");

  // The school is called: it answers by pressing 1 on the keypad.
  const schoolPhone = page.locator(`[data-phone="+5255${run}0101"]`);
  await expect(schoolPhone.getByText("Llamada en curso")).toBeVisible();
  await schoolPhone.getByRole("button", { name: "1", exact: true }).click();
  await expect(schoolPhone.getByTestId("conversation")).toContainText("⌨ 1");

  await page.goto(`/family/${family.id}`);
  await expect(stateOf(`+5255${run}0001`)).toHaveText("Respondió");
  await expect(stateOf(`+5255${run}0101`)).toHaveText("Respondió");
  await expect(stateOf(`+5255${run}0000`)).toHaveText("Falló: revisa el número");
});

test("a number that texted STOP shows as unreachable and is not messaged", async ({ page, context, seedFamily, logIn, db }) => {
  const family = await seedFamily({ name: "Family Stop", locale: "en" });
  await db.person.create({ data: { familyId: family.id, name: "Leo", phone: "+525512349999", locale: "en" } });
  await logIn(context, family.owner.id);
  // The simulator answers only conversations the family started: a test first.
  await page.goto(`/family/${family.id}`);
  const state = page.getByTestId("test-results").locator('[data-phone="+525512349999"]').getByTestId("test-state");
  await page.getByRole("button", { name: "Probar a Leo" }).click();
  await expect(state).toHaveText("Entregado, esperando respuesta");
  await page.goto("/simulator");
  const leo = page.locator('[data-phone="+525512349999"]');
  await leo.getByLabel("Responder como Leo").fill("STOP");
  await leo.getByRole("button", { name: "Enviar" }).click();
  await expect(leo.getByTestId("conversation")).toContainText("STOP");

  await page.goto(`/family/${family.id}`);
  await expect(state).toHaveText("No recibe SMS: este número respondió ALTO");
  await page.getByRole("button", { name: "Probar a Leo" }).click();
  await expect(state).toHaveText("No recibe SMS: este número respondió ALTO");
  // Only the first test was sent.
  expect(await db.outboundMessage.count({ where: { to: "+525512349999", status: { not: "failed" } } })).toBe(1);
});
