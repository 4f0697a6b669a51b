// For operator commands (partners, imports): the same environment the app gets from
// `npm start` — `.env`, DATABASE_URL or the embedded database (stop the app first: one server
// per data folder), and the data folder's generated secrets outside production.
import path from "node:path";
import { launcherEnvSchema, parseEnvironment } from "../lib/env-schema.ts";
import { dataFolderSecret } from "./data-secrets.ts";
import { openConfiguredDatabase } from "./db/database.ts";
import { projectRoot } from "./db/migrations.ts";
import { loadDotEnv } from "./load-dotenv.ts";

export async function prepareOperatorEnvironment(): Promise<{ stop: () => Promise<void> }> {
  loadDotEnv(path.join(projectRoot, ".env"));
  const env = parseEnvironment(launcherEnvSchema, process.env);
  env.CONFIRMA_DATA_DIR = path.resolve(projectRoot, env.CONFIRMA_DATA_DIR);
  process.env.BETTER_AUTH_SECRET = dataFolderSecret(env, "BETTER_AUTH_SECRET");
  process.env.CALLER_REGISTRY_SECRET = dataFolderSecret(env, "CALLER_REGISTRY_SECRET");
  const database = await openConfiguredDatabase(env);
  process.env.DATABASE_URL = database.url;
  return { stop: () => database.stop() };
}

/** Runs an operator command: one line on failure, never a stack trace; the database stopped after. */
export async function runOperatorCommand(command: () => Promise<void>) {
  let environment: { stop: () => Promise<void> } | undefined;
  let code = 0;
  try {
    environment = await prepareOperatorEnvironment();
    await command();
  } catch (error) {
    console.error(`confirma: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  await environment?.stop().catch(() => {});
  process.exit(code);
}
