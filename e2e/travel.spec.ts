import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** A day relative to today in Mexico City, as a date input takes it. */
function day(offset: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("en español", () => {
  test.use({ locale: "es-MX" });

  test("un adulto agrega un viaje con la recepción y una acompañante, hace la revisión de exposición y la tarjeta muestra la recepción @phone", async ({
    page,
    context,
    seedFamily,
    seedPerson,
    logIn,
  }) => {
    const family = await seedFamily({ name: "Familia Ríos", locale: "es" });
    const ana = await seedPerson(family.id, { name: "Ana Ríos" });
    await logIn(context, family.owner.id);
    await page.goto(`/family/${family.id}/people/${ana.id}`);

    // A trip whose last day comes before its first is refused on that field, and nothing is lost.
    await page.locator("summary", { hasText: "Agregar un viaje" }).click();
    const trips = page.getByTestId("trips");
    await trips.getByLabel("Destino", { exact: true }).fill("Cancún");
    await trips.getByLabel("Primer día").fill(day(0));
    await trips.getByLabel("Último día").fill(day(-1));
    await trips.getByLabel("Zona horaria del destino").selectOption("America/Cancun");
    await trips.getByLabel("Hotel", { exact: true }).fill("Hotel Laguna");
    await trips.getByLabel("Teléfono de la recepción del hotel").fill("998 881 7000");
    await trips.getByRole("button", { name: "Guardar el viaje" }).click();
    await expect(trips.getByLabel("Último día")).toHaveAccessibleDescription(/El último día no puede ser antes del primero/);
    await expect(trips.getByLabel("Destino", { exact: true })).toHaveValue("Cancún");
    await trips.getByLabel("Último día").fill(day(3));
    await trips.getByRole("button", { name: "Guardar el viaje" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Viaje a Cancún agregado." })).toBeVisible();
    const trip = page.getByTestId("trip");
    await expect(trip).toHaveCount(1);
    await expect(trip).toContainText("En curso");
    await expect(trip).toContainText("Recepción: Hotel Laguna · +52 998 881 7000");
    // The warning goes at once (the trip has started): queued, or already sent by the worker.
    await expect(trip).toContainText(/Mensaje de aviso (enviado a|para) Ana Ríos/);

    // A companion, asked by text during the trip.
    await trip.locator("summary", { hasText: "Agregar acompañante" }).click();
    await trip.getByLabel("Nombre", { exact: true }).fill("Lucía Ríos");
    await trip.getByLabel("Número de celular").fill("55 8765 4321");
    await trip.getByRole("button", { name: "Agregar al viaje" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Lucía Ríos se agregó al viaje." })).toBeVisible();
    await expect(trip).toContainText("Lucía Ríos · +52 55 8765 4321");

    // The exposure check: an unanswered question is named, then the level and the next steps.
    const exposure = page.getByTestId("exposure");
    await exposure
      .getByRole("group", { name: "¿Alguno de los perfiles de redes sociales de Ana Ríos es público?" })
      .getByLabel("Sí")
      .check();
    await exposure
      .getByRole("group", { name: "¿El celular de Ana Ríos aparece en alguna red social o página pública?" })
      .getByLabel("No", { exact: true })
      .check();
    await exposure
      .getByRole("group", { name: "¿Ana Ríos publica sus viajes o dónde está mientras sigue ahí?" })
      .getByLabel("No estoy seguro")
      .check();
    await exposure.getByRole("button", { name: "Guardar la revisión" }).click();
    const placesGroup = exposure.getByRole("group", { name: "¿La escuela o el trabajo de Ana Ríos aparecen públicamente?" });
    await expect(placesGroup).toHaveAccessibleDescription("Elige una respuesta.");
    await placesGroup.getByLabel("No", { exact: true }).check();
    await exposure.getByRole("button", { name: "Guardar la revisión" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Revisión guardada." })).toBeVisible();
    await expect(page.getByTestId("exposure-summary")).toContainText("Exposición: media");
    await expect(page.getByTestId("exposure-steps")).toContainText("Haz privados los perfiles");
    await expect(page.getByTestId("exposure-steps")).toContainText("Revísalo: Publica los viajes al volver a casa");
    await expectNoViolations(page);
    // Nothing went to Ana; an adult may text her the steps (once a day).
    const tips = page.getByTestId("exposure-tips");
    await tips.getByRole("button", { name: "Mandar estos consejos a Ana Ríos por SMS" }).click();
    await expect(tips.getByRole("status")).toHaveText("Consejos enviados a Ana Ríos.");

    // The plan counts both; the card lists the desk and the companion during the trip.
    await page.goto(`/family/${family.id}`);
    await expect(page.getByTestId("plan-exposure")).toHaveText("Exposición: media");
    await expect(page.getByTestId("plan-trip")).toContainText("Viaje a Cancún");
    await expect(page.getByTestId("exposure-reminder")).toHaveCount(0);
    await page.goto(`/family/${family.id}/card`);
    await expect(page.getByTestId("card-trip")).toContainText("Recepción, Hotel Laguna: +52 998 881 7000");
    await expect(page.getByTestId("card-trip")).toContainText("Acompañantes: Lucía Ríos, +52 55 8765 4321");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("an adult adds a trip before knowing the hotel, adds the desk later, does the exposure check, and the live screen shows the desk script", async ({
    page,
    context,
    seedFamily,
    seedPerson,
    logIn,
  }) => {
    const family = await seedFamily({ name: "Rivera Family", locale: "en" });
    const leo = await seedPerson(family.id, { name: "Leo Rivera", locale: "en" });
    await logIn(context, family.owner.id);

    // The plan reminds the adults that nobody's exposure was ever checked.
    await page.goto(`/family/${family.id}`);
    await expect(page.getByTestId("exposure-reminder")).toContainText("Leo Rivera (never checked)");
    await expectNoViolations(page);
    await page.getByTestId("exposure-reminder").getByRole("link", { name: "Leo Rivera (never checked)" }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${leo.id}`));

    await page.locator("summary", { hasText: "Add a trip" }).click();
    const trips = page.getByTestId("trips");
    await trips.getByLabel("Destination", { exact: true }).fill("Playa del Carmen");
    await trips.getByLabel("First day").fill(day(0));
    await trips.getByLabel("Last day").fill(day(2));
    await trips.getByRole("button", { name: "Save the trip" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Trip to Playa del Carmen added." })).toBeVisible();
    const trip = page.getByTestId("trip");
    await expect(trip).toContainText("No front desk number yet: add it before the trip.");

    // The desk comes later: the trip's form is open until it has one.
    await trip.getByLabel("Hotel", { exact: true }).fill("Hotel Mar");
    await trip.getByLabel("Hotel front desk phone").fill("+52 984 873 0000");
    await trip.getByRole("button", { name: "Save the trip" }).click();
    await expect(trip).toContainText("Front desk: Hotel Mar · +52 984 873 0000");

    const exposure = page.getByTestId("exposure");
    for (const question of ["profilesPublic", "phoneVisible", "tripsPostedLive", "placesPublic"])
      await exposure.getByTestId(`exposure-${question}`).getByLabel("No", { exact: true }).check();
    await exposure.getByRole("button", { name: "Save the check" }).click();
    await expect(page.getByTestId("exposure-summary")).toContainText("Exposure: low");
    await page.goto(`/family/${family.id}`);
    await expect(page.getByTestId("exposure-reminder")).toHaveCount(0);
    await expect(page.getByTestId("plan-completeness")).toHaveText(/Plan ready: \d+ of \d+ items/);

    // A call claims to hold Leo: the live screen says silence is expected and how to ask the desk.
    await page.getByRole("link", { name: "Suspicious call? Verify now" }).click();
    await page.getByRole("button", { name: "Leo Rivera", exact: true }).click();
    const travel = page.getByTestId("incident-travel");
    await expect(travel).toContainText("Leo Rivera is travelling: Playa del Carmen");
    await expect(travel).toContainText("Silence is expected in this scam");
    await expect(travel.getByRole("link", { name: /Call the front desk: Hotel Mar/ })).toHaveAttribute("href", /^tel:\+529848730000$/);
    await expect(travel).toContainText("Could you check whether they are in their room");
    await expect(travel).toContainText("¿Podría revisar si está en su habitación");
  });
});
