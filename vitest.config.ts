import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // "server-only" throws outside React Server Components; tests are server code too.
  "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
};

/**
 * graphile-worker's cron loop leaves one promise unhandled when the database connection is cut
 * under it (production handles that in keepWorkerAlive, lib/server/incidents/worker.ts). The
 * outage tests cut it on purpose: that one rejection is theirs, not a failure. Anything else fails.
 */
function isCronConnectionLoss(error: { message?: string; stack?: string }): boolean {
  return (
    /graphile-worker[\\/]dist[\\/]cron/.test(error.stack ?? "") &&
    /ECONNRESET|Connection terminated|terminating connection/.test(error.message ?? "")
  );
}

export default defineConfig({
  test: {
    onUnhandledError: (error) => !isCronConnectionLoss(error),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["{app,components,lib,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["{app,lib,scripts,tests}/**/*.integration.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/integration/worker-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
