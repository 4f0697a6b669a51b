// What a new user met on the way to the call (issue 12): adding a person after setup, numbers
// that read two ways, the person picker on a phone, and the plan card.
import { expect, test } from "./fixtures";

const phoneScreen = { width: 390, height: 844 };

for (const [locale, names] of [
  ["en", { unknown: "I don't know / they didn't say", drill: /practice drill/ }],
  ["es", { unknown: "No sé / no lo dijo", drill: /Es un simulacro/ }],
] as const) {
  test.describe(`the person picker on a 390×844 phone (${locale})`, () => {
    test.use({ viewport: phoneScreen, locale: locale === "es" ? "es-MX" : "en-US" });

    test(`four people, "I don't know" and the drill choice fit the first screen @phone`, async ({ page, context, seedFamily, logIn, db }) => {
      const family = await seedFamily({ locale });
      for (const [position, name] of ["Sofía Ortiz", "Mateo Ortiz", "Abuela Carmen", "Valentina"].entries()) {
        await db.person.create({ data: { familyId: family.id, name, phone: `+5255123456${String(position).padStart(2, "0")}`, locale, position } });
      }
      await logIn(context, family.owner.id);
      await page.goto(`/family/${family.id}/incidents/new`);
      const form = page.getByTestId("start-form");
      const controls = [
        ...["Sofía Ortiz", "Mateo Ortiz", "Abuela Carmen", "Valentina"].map((name) => form.getByRole("button", { name, exact: true })),
        form.getByRole("button", { name: names.unknown }),
        form.getByRole("checkbox", { name: names.drill }),
      ];
      for (const control of controls) {
        const box = await control.boundingBox();
        expect(box, String(control)).not.toBeNull();
        expect(box!.y, String(control)).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, String(control)).toBeLessThanOrEqual(phoneScreen.height);
        expect(box!.x + box!.width, String(control)).toBeLessThanOrEqual(phoneScreen.width);
      }
      // "I don't know" comes right after the people.
      const lastPerson = (await controls[3]!.boundingBox())!;
      const unknown = (await controls[4]!.boundingBox())!;
      expect(unknown.y).toBeGreaterThan(lastPerson.y);
      // Nothing is wider than the screen (no sideways scrolling).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneScreen.width);
    });
  });
}
