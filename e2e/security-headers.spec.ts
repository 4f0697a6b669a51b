import { expect, test } from "./fixtures";

test("pages carry a strict Content-Security-Policy, framing is refused, and no framework version leaks", async ({ page, request }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-powered-by"]).toBeUndefined();
  // The page still runs under the policy: the language switcher works.
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prepárate antes de que llegue la llamada");

  const api = await request.get("/api/health");
  expect(api.headers()["x-powered-by"]).toBeUndefined();
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
