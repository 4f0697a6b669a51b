import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { e2eServer } from "./e2e/server";

// Playwright's own Chromium where it was installed (`npx playwright install chromium`),
// else Debian's (`apt-get install chromium`), which is all these machines can have.
const bundledChromium = existsSync(chromium.executablePath());
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eServer.baseUrl,
    trace: "retain-on-failure",
    launchOptions: bundledChromium
      ? {}
      : {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
          ],
        },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/ },
  ],
  webServer: {
    // The embedded default, from an empty data folder: exactly what `npm start` gives a new user.
    command: `rm -rf ${e2eServer.dataDir} && npm start`,
    url: `${e2eServer.baseUrl}/api/health`,
    // A first build on a slow or busy machine takes minutes; the suite waits for it rather than failing.
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(e2eServer.port),
      PUBLIC_BASE_URL: e2eServer.baseUrl,
      CONFIRMA_DATA_DIR: e2eServer.dataDir,
      EMBEDDED_POSTGRES_PORT: String(e2eServer.postgresPort),
      DATABASE_URL: "",
      BETTER_AUTH_SECRET: e2eServer.authSecret,
    },
  },
});
