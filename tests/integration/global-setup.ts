// Once per run: a PostgreSQL server (DATABASE_URL's, else an embedded one in a temporary
// folder), and a template database with every migration applied. Each worker then copies
// the template into a database of its own (worker-database.ts).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabase, isPortFree, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.ts";
import { applyMigrations } from "../../scripts/db/migrations.ts";
import { databaseUrlFor } from "./database-url.ts";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (await isPortFree(port)) return port;
  throw new Error("no free port for the embedded PostgreSQL");
}

/**
 * The embedded server's package ends the process with code 0 from its exit hook: a failed run
 * must still fail. (Only when no DATABASE_URL is set: otherwise the package is never loaded.)
 */
function keepFailingExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;
}

export default async function setup(project: TestProject) {
  const configured = process.env.DATABASE_URL || undefined;
  let stopServer = async () => {};
  let serverUrl: string;
  let tempDir: string | undefined;
  if (configured) {
    serverUrl = configured;
  } else {
    keepFailingExitCode();
    tempDir = await mkdtemp(path.join(os.tmpdir(), "confirma-it-"));
    await chmod(tempDir, 0o755); // the embedded server runs as "postgres" when we are root
    const server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, "pg"),
      port: await freePort(55432 + (process.pid % 1000)),
      database: "postgres",
      persistent: false,
    });
    serverUrl = server.url;
    stopServer = server.stop;
  }

  const templateDatabase = `confirma_it_${process.pid}`;
  await ensureDatabase(serverUrl, templateDatabase);
  await applyMigrations(databaseUrlFor(serverUrl, templateDatabase));

  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${templateDatabase}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
    await stopServer();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
