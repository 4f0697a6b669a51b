/** Where the end-to-end suite runs the app (see playwright.config.ts). */
export const e2eServer = {
  port: 3100,
  baseUrl: "http://localhost:3100",
  dataDir: ".data/e2e",
  postgresPort: 54339,
  databaseUrl: "postgresql://postgres:postgres@127.0.0.1:54339/confirma",
  authSecret: "end-to-end-tests-secret-not-for-production-use",
} as const;
