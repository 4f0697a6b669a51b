// The migrations folder and prisma/schema.prisma must describe the same database.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { databaseUrlFor } from "@/tests/integration/database-url";
import { ensureDatabase } from "./embedded-postgres";
import {
  applyMigrations,
  diffDatamodels,
  isEmptyMigration,
  migrationsDir,
  readMigrationsList,
  readSchemaFile,
  snapshotPath,
} from "./migrations";

const serverUrl = inject("serverUrl");
const prefix = `${inject("templateDatabase")}_w${process.env.VITEST_POOL_ID ?? "0"}`;
const created: string[] = [];

async function freshDatabase(suffix: string) {
  const name = `${prefix}_${suffix}`;
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await ensureDatabase(serverUrl, name);
  created.push(name);
  return databaseUrlFor(serverUrl, name);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns, constraints, indexes and enums, as PostgreSQL itself describes them. */
async function catalog(url: string) {
  return withClient(url, async (client) => {
    const query = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(" | ")).sort();
    return {
      columns: await query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      constraints: await query(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
      indexes: await query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      enums: await query(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`),
    };
  });
}

afterAll(async () => {
  await withClient(serverUrl, async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("migrations", () => {
  it("build the same database as prisma/schema.prisma", async () => {
    const fromMigrations = await freshDatabase("from_migrations");
    await applyMigrations(fromMigrations);

    const fromSchema = await freshDatabase("from_schema");
    const sql = await diffDatamodels(fromSchema, null, await readSchemaFile());
    await withClient(fromSchema, (client) => client.query(sql));

    expect(await catalog(fromMigrations)).toEqual(await catalog(fromSchema));
  });

  it("leave nothing for db:diff to write", async () => {
    const url = await freshDatabase("diff");
    const sql = await diffDatamodels(url, await readSchemaFile(snapshotPath), await readSchemaFile());
    expect(isEmptyMigration(sql), `prisma/schema.prisma changed without a migration; run npm run db:diff -- <name>:\n${sql}`).toBe(true);
  });

  it("are recorded in _prisma_migrations as prisma migrate deploy records them, and applied once", async () => {
    const url = await freshDatabase("record");
    const { migrationDirectories } = await readMigrationsList();
    expect(await applyMigrations(url)).toEqual(migrationDirectories.map((dir) => dir.path));
    expect(await applyMigrations(url)).toEqual([]);

    const rows = await withClient(url, (client) =>
      client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
      }>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      ),
    );
    for (const [index, row] of rows.rows.entries()) {
      const folder = migrationDirectories[index]!.path;
      const sql = await readFile(path.join(migrationsDir, folder, "migration.sql"));
      expect(row).toMatchObject({ migration_name: folder, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });
});
