// `npm run db:migrate`: apply prisma/migrations to DATABASE_URL, or to the embedded database.
import { launcherEnvSchema, parseEnvironment } from "../../lib/env-schema.ts";
import { loadDotEnv } from "../load-dotenv.ts";
import { openConfiguredDatabase } from "./database.ts";
import { applyMigrations } from "./migrations.ts";

loadDotEnv();
const env = parseEnvironment(launcherEnvSchema, process.env);
const database = await openConfiguredDatabase(env);
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.stop();
}
// The schema engine leaves a 10 s timer behind; nothing else is pending here.
process.exit(0);
