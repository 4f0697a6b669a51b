/**
 * Where the end-to-end suite runs the app (see playwright.config.ts). The ports and folder can
 * be moved (E2E_PORT, E2E_POSTGRES_PORT, E2E_DATA_DIR) so two checkouts can run the suite at once.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? 54339);

export const e2eServer = {
  port,
  baseUrl: `http://localhost:${port}`,
  dataDir: process.env.E2E_DATA_DIR ?? ".data/e2e",
  postgresPort,
  databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${postgresPort}/confirma`,
  authSecret: "end-to-end-tests-secret-not-for-production-use",
} as const;
