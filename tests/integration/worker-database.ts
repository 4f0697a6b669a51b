// Gives this worker its own database, copied from the migrated template, before any module
// under test reads DATABASE_URL.
import pg from "pg";
import { inject } from "vitest";
import { ensureDatabase } from "../../scripts/db/embedded-postgres.ts";
import { databaseUrlFor } from "./database-url.ts";

const serverUrl = inject("serverUrl");
const template = inject("templateDatabase");
const database = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}`;

// Copying a template fails while another copy of it is starting: retry briefly.
for (let attempt = 0; ; attempt++) {
  try {
    await ensureDatabase(serverUrl, database, template);
    break;
  } catch (error) {
    if (attempt >= 20) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}

process.env.DATABASE_URL = databaseUrlFor(serverUrl, database);

// Each test file starts with an empty job queue: timers and sends an earlier file of this worker
// left pending must not fire inside this one (graphile-worker's own complete_jobs).
{
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ installed: boolean }>("SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS installed");
    if (rows[0]?.installed) await client.query("SELECT graphile_worker.complete_jobs(ARRAY(SELECT id FROM graphile_worker.jobs))");
    // And with empty rate-limit counters: another file's attempts must not spend this one's.
    await client.query("DELETE FROM attempt_counter");
    await client.query("DELETE FROM rate_limit");
  } finally {
    await client.end();
  }
}
process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
process.env.CALLER_REGISTRY_SECRET ??= "integration-tests-caller-registry-key-32-chars";
process.env.PUBLIC_BASE_URL ??= "http://localhost:3000";
process.env.DATABASE_POOL_SIZE ??= "4";
