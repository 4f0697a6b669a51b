import { expect, test } from "./fixtures";

test.use({ locale: "en-US", allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|EventSource|net::/] });

test("the live screen loses its connection repeatedly and still shows every event exactly once", async ({
  page,
  context,
  seedFamily,
  db,
  logIn,
  textFrom,
}) => {
  const family = await seedFamily({ name: "Family Signal", locale: "en" });
  const person = await db.person.create({
    data: { familyId: family.id, name: "Noa", phone: `+525540${String(Date.now()).slice(-6)}`, locale: "en" },
  });
  await logIn(context, family.owner.id);
  await page.goto(`/family/${family.id}/incidents/new`);
  await page.getByRole("button", { name: "Noa", exact: true }).click();
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true");
  const incident = await db.incident.findFirstOrThrow({ where: { familyId: family.id } });

  const reply = (text: string) => textFrom(person.phone, text);

  for (let round = 1; round <= 4; round++) {
    await context.setOffline(true);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "false");
    await reply(`on my way ${round}`); // arrives while the screen is cut off
    await context.setOffline(false);
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-connected", "true", { timeout: 15_000 });
    await reply(`really ${round}`);
  }
  const timeline = page.getByTestId("timeline");
  for (let round = 1; round <= 4; round++) {
    await expect(timeline.getByText(`“on my way ${round}”`)).toHaveCount(1);
    await expect(timeline.getByText(`“really ${round}”`)).toHaveCount(1);
  }
  const shown = await timeline.locator("li").count();
  const stored = await db.incidentEvent.count({ where: { incidentId: incident.id, type: { not: "step_ticked" } } });
  expect(shown).toBe(stored);
});
