// Which PostgreSQL to use: DATABASE_URL when set, else the embedded one in the data folder.
import path from "node:path";
import type { LauncherEnv } from "../../lib/env-schema.ts";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.ts";

export async function openConfiguredDatabase(
  env: Pick<LauncherEnv, "DATABASE_URL" | "CONFIRMA_DATA_DIR" | "EMBEDDED_POSTGRES_PORT">,
  log: (line: string) => void = () => {},
): Promise<RunningPostgres & { embedded: boolean }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {}, embedded: false };
  const running = await startEmbeddedPostgres({
    dataDir: path.join(env.CONFIRMA_DATA_DIR, "postgres"),
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "confirma",
    log,
  });
  return { ...running, embedded: true };
}
