import { readFile } from "node:fs/promises";
import { expect, openFamilyPage, test } from "./fixtures";

test.use({ locale: "es-MX" });

test("una familia completa la configuración guiada en español, imprime el plan, comprueba una palabra y exporta sus datos @phone", async ({
  page,
  context,
  seedFamily,
  logIn,
}) => {
  const family = await seedFamily({ name: "Familia Ortiz", locale: "es" });
  await logIn(context, family.owner.id);

  await page.goto(`/family/${family.id}`);
  await page.getByRole("link", { name: "Continuar la configuración guiada" }).click();
  await expect(page).toHaveURL(/\/setup\/people$/);

  // People: a number missing digits is explained on the field, corrected, and saved normalized.
  await page.getByLabel("Nombre", { exact: true }).fill("Sofía Ortiz");
  const phone = page.getByLabel("Celular");
  await phone.fill("55 1234");
  await page.getByLabel("Dónde suele estar").fill("Prepa de 7 a 14 h");
  await page.getByRole("button", { name: "Agregar persona" }).click();
  await expect(phone).toHaveAccessibleDescription(/muy corto/);
  await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue("Sofía Ortiz");
  await expect(page.getByLabel("Dónde suele estar")).toHaveValue("Prepa de 7 a 14 h");
  await phone.fill("55 1234 5678");
  await page.getByRole("button", { name: "Agregar persona" }).click();
  await expect(page.getByRole("status")).toHaveText("Se agregó a Sofía Ortiz.");
  await expect(page.getByTestId("setup-people")).toContainText("+52 55 1234 5678");
  await page.getByRole("link", { name: "Continuar →" }).click();

  // Words: what is refused is listed first; a name, a carrier keyword, an everyday reply and a
  // duress word close to the safe word are each refused on their field; then both words are
  // saved and never shown again.
  await expect(page).toHaveURL(/\/setup\/words$/);
  await expect(page.getByRole("list", { name: "Confirma no acepta:" })).toContainText("STOP, AYUDA, CANCELAR o START");
  const save = page.getByRole("button", { name: "Guardar las palabras" });
  await page.getByLabel("Palabra clave").fill("Ortiz");
  await page.getByLabel("Palabra de emergencia").fill("girasol");
  await save.click();
  await expect(page.getByLabel("Palabra clave")).toHaveAccessibleDescription(/No uses un nombre/);
  await expect(page.getByLabel("Palabra clave")).toHaveValue("");
  await page.getByLabel("Palabra clave").fill("ya voy");
  await page.getByLabel("Palabra de emergencia").fill("Ayuda");
  await save.click();
  await expect(page.getByLabel("Palabra clave")).toHaveAccessibleDescription(/demasiado común/);
  await expect(page.getByLabel("Palabra de emergencia")).toHaveAccessibleDescription(/las manejan las compañías telefónicas/);
  await page.getByLabel("Palabra clave").fill("Mazapán");
  await page.getByLabel("Palabra de emergencia").fill("mazapanes");
  await save.click();
  await expect(page.getByLabel("Palabra de emergencia")).toHaveAccessibleDescription(/Se parece demasiado a la palabra clave/);
  await expect(page.getByLabel("Palabra clave")).not.toHaveAttribute("aria-invalid");
  await page.getByLabel("Palabra clave").fill("Mazapán");
  await page.getByLabel("Palabra de emergencia").fill("girasol");
  await page.getByRole("button", { name: "Guardar las palabras" }).click();
  await expect(page.getByRole("status").first()).toContainText("nunca se volverán a mostrar");
  await page.getByRole("link", { name: "Continuar →" }).click();

  // Contacts: the school office by phone call, in tier 1.
  await expect(page).toHaveURL(/\/setup\/contacts$/);
  await page.getByLabel("Nombre", { exact: true }).fill("Prepa 5, dirección");
  await page.getByLabel("Teléfono").fill("55 5555 1234");
  await page.getByLabel("Relación").selectOption("school");
  await page.getByLabel("Cómo contactarle").selectOption("voice");
  await page.getByLabel("Nivel", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Agregar contacto" }).click();
  await expect(page.getByRole("region", { name: "Nivel 1" })).toContainText("Prepa 5, dirección");
  await page.getByRole("link", { name: "Continuar →" }).click();

  // Review, then finish.
  await expect(page).toHaveURL(/\/setup\/review$/);
  await expect(page.getByTestId("plan-people")).toContainText("✓ Listo");
  await page.getByRole("button", { name: "Terminar la configuración" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Familia Ortiz");
  await expect(page.getByRole("link", { name: "Continuar la configuración guiada" })).toHaveCount(0);

  // The plan card, as printed: guidance, Mexico's numbers, tier-1 contacts, never the words.
  await openFamilyPage(page, "Imprimir la tarjeta del plan");
  await page.emulateMedia({ media: "print" });
  const card = page.locator("article");
  await expect(card.getByRole("heading", { level: 1 })).toHaveText("Plan de seguridad familiar — Familia Ortiz");
  await expect(card).toContainText("Cuelga. No tienes que quedarte en la línea.");
  await expect(page.getByTestId("emergency-numbers")).toContainText("089");
  await expect(page.getByTestId("emergency-numbers")).toContainText("55 5533 5533");
  await expect(page.getByTestId("card-people")).toContainText("Prepa 5, dirección (Escuela): +52 55 5555 1234");
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeHidden();
  expect((await page.content()).toLowerCase()).not.toMatch(/mazap|girasol/);
  const pdf = await page.pdf({ format: "Letter" }).catch(() => null);
  if (pdf) expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: "screen" });

  // Check a word: only "matches" or "does not match".
  await page.goto(`/family/${family.id}/words`);
  await page.getByLabel("Palabra a comprobar").fill("  MAZAPAN ");
  await page.getByRole("button", { name: "Comprobar" }).click();
  await expect(page.getByRole("status")).toHaveText("Coincide.");
  await page.getByLabel("Palabra a comprobar").fill("girasol");
  await page.getByRole("button", { name: "Comprobar" }).click();
  await expect(page.getByRole("status")).toHaveText("No coincide.");

  // Replacing the safe word takes both words, since only then can they be compared.
  await expect(page.getByText("Escribe las dos palabras cada vez")).toBeVisible();
  await page.getByLabel("Palabra clave", { exact: true }).fill("tamarindo");
  await page.getByRole("button", { name: "Guardar las palabras" }).click();
  await expect(page.getByLabel("Palabra de emergencia", { exact: true })).toHaveAccessibleDescription(/Escribe una palabra/);
  await page.getByLabel("Palabra clave", { exact: true }).fill("tamarindo");
  await page.getByLabel("Palabra de emergencia", { exact: true }).fill("girasol");
  await page.getByRole("button", { name: "Guardar las palabras" }).click();
  await expect(page.getByRole("status").first()).toContainText("nunca se volverán a mostrar");
  await page.getByLabel("Palabra a comprobar").fill("Tamarindo");
  await page.getByRole("button", { name: "Comprobar" }).click();
  await expect(page.getByRole("status").last()).toHaveText("Coincide.");

  // Export: a JSON file with the plan and without the words.
  await page.goto(`/family/${family.id}/settings`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Descargar la exportación" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported.family.name).toBe("Familia Ortiz");
  expect(exported.family.people[0]).toMatchObject({ name: "Sofía Ortiz", phone: "+525512345678", notes: "Prepa de 7 a 14 h" });
  expect(exported.family.contacts[0]).toMatchObject({ name: "Prepa 5, dirección", channel: "voice", relationship: "school" });
  expect(JSON.stringify(exported).toLowerCase()).not.toMatch(/mazap|girasol|tamarindo|argon2/);
});

test("deleting a family takes its exact name", async ({ page, context, seedFamily, logIn, db }) => {
  const family = await seedFamily({ name: "Familia Borrar", locale: "es" });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/settings`);
  await page.getByLabel("Nombre de la familia", { exact: true }).last().fill("Familia");
  await page.getByRole("button", { name: "Eliminar la familia y todo su contenido" }).click();
  await expect(page.getByRole("main").getByText("Escribe el nombre de la familia tal como aparece.")).toBeVisible();
  expect(await db.family.count({ where: { id: family.id } })).toBe(1);
  await page.getByLabel("Nombre de la familia", { exact: true }).last().fill("Familia Borrar");
  await page.getByRole("button", { name: "Eliminar la familia y todo su contenido" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  expect(await db.family.count({ where: { id: family.id } })).toBe(0);
});

test.describe("another family's plan", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("its people, contacts and setup answer 404", async ({ page, context, seedFamily, logIn, db }) => {
    const mine = await seedFamily();
    const theirs = await seedFamily();
    const person = await db.person.create({ data: { familyId: theirs.id, name: "Ajena", phone: "+525511112222", locale: "es" } });
    const contact = await db.contact.create({
      data: { familyId: theirs.id, name: "Ajeno", phone: "+525533334444", locale: "es", relationship: "friend" },
    });
    await logIn(context, mine.owner.id);
    for (const path of [
      `/family/${mine.id}/people/${person.id}`,
      `/family/${mine.id}/contacts/${contact.id}`,
      `/family/${theirs.id}/people/${person.id}`,
      `/family/${theirs.id}/setup/people`,
      `/family/${theirs.id}/card`,
      `/family/${mine.id}/setup/not-a-step`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("Ajena")).toHaveCount(0);
    }
    const exported = await page.request.get(`/family/${theirs.id}/export`);
    expect(exported.status()).toBe(404);
  });
});
