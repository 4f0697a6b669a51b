import { randomUUID } from "node:crypto";
import { expect, openFamilyPage, test } from "./fixtures";

test.use({ locale: "es-MX" });

test("en español: registro, familia, invitación y unión de un segundo adulto @phone", async ({ page, openBrowser }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es-MX");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prepárate antes de que llegue la llamada");
  await page.getByRole("link", { name: "Crea el plan de tu familia" }).click();

  // A weak password is refused in Spanish, and the name and email stay as typed.
  const email = `titular-${randomUUID()}@example.test`;
  await page.getByLabel("Tu nombre").fill("Ana García");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill("1234567890");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByLabel("Contraseña", { exact: true })).toHaveAccessibleDescription(/muy fácil de adivinar/);
  await expect(page.getByLabel("Tu nombre")).toHaveValue("Ana García");
  await expect(page.getByLabel("Correo electrónico")).toHaveValue(email);
  await page.getByLabel("Contraseña", { exact: true }).fill("la casa de los abuelos");
  await page.getByRole("button", { name: "Crear cuenta" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crea tu familia");
  await expect(page.getByLabel("País")).toHaveValue("MX");
  await expect(page.getByLabel("Idioma de los mensajes")).toHaveValue("es");
  await page.getByLabel("Nombre de la familia").fill("Familia García");
  await page.getByRole("button", { name: "Crear familia" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Configura tu plan");
  await openFamilyPage(page, "Familia García");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Familia García");
  await expect(page.getByText("México · mensajes en Español · tu rol: Titular")).toBeVisible();

  await page.getByRole("button", { name: "Crear enlace de invitación" }).click();
  const inviteUrl = await page.getByLabel("Enlace de invitación").inputValue();

  const abuela = await openBrowser({ locale: "es-MX" });
  await abuela.goto(inviteUrl);
  await expect(abuela.getByRole("heading", { level: 1 })).toHaveText("Únete a Familia García en Confirma");
  await abuela.getByRole("link", { name: "Crear una cuenta para unirme" }).click();
  await expect(abuela.getByText("Después de crear tu cuenta te unirás a la familia que te invitó.")).toBeVisible();
  await abuela.getByLabel("Tu nombre").fill("Rosa García");
  await abuela.getByLabel("Correo electrónico").fill(`abuela-${randomUUID()}@example.test`);
  await abuela.getByLabel("Contraseña", { exact: true }).fill("nietos y tamales siempre");
  await abuela.getByRole("button", { name: "Crear cuenta" }).click();
  await abuela.getByRole("button", { name: "Unirme a la familia" }).click();
  await expect(abuela.getByRole("heading", { level: 1 })).toHaveText("Familia García");
  await expect(abuela.getByText("tu rol: Administrador")).toBeVisible();
});
