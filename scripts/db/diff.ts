// `npm run db:diff -- <name>`: write a new migration from the last migrated datamodel
// (prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma.
import { existsSync } from "node:fs";
import { launcherEnvSchema, parseEnvironment } from "../../lib/env-schema.ts";
import { loadDotEnv } from "../load-dotenv.ts";
import { openConfiguredDatabase } from "./database.ts";
import { diffDatamodels, isEmptyMigration, readSchemaFile, snapshotPath, writeMigration } from "./migrations.ts";

const name = (process.argv[2] ?? "change")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
const current = await readSchemaFile();
const previous = existsSync(snapshotPath) ? await readSchemaFile(snapshotPath) : null;
loadDotEnv();
const database = await openConfiguredDatabase(parseEnvironment(launcherEnvSchema, process.env));
const sql = await diffDatamodels(database.url, previous, current).finally(() => database.stop());
if (isEmptyMigration(sql)) {
  console.log("No difference between the migrations and prisma/schema.prisma.");
} else {
  const folder = await writeMigration(name || "change", sql, current);
  console.log(`Wrote prisma/migrations/${folder}/migration.sql`);
}
// The schema engine leaves a 10 s timer behind; nothing else is pending here.
process.exit(0);
