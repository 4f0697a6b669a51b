// Secrets the launcher (and operator scripts) generate when unset outside production, kept in
// the data folder so they survive restarts: the session secret and the caller registry's key.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LauncherEnv } from "../lib/env-schema.ts";

const files = { BETTER_AUTH_SECRET: "auth-secret", CALLER_REGISTRY_SECRET: "caller-registry-secret" } as const;

/** The variable's value, else (outside production) the one generated once into the data folder. */
export function dataFolderSecret(
  env: Pick<LauncherEnv, "NODE_ENV" | "CONFIRMA_DATA_DIR" | keyof typeof files>,
  variable: keyof typeof files,
): string {
  const set = env[variable];
  if (set) return set;
  if (env.NODE_ENV === "production") throw new Error(`${variable} is missing (required when NODE_ENV=production). See .env.example.`);
  const file = path.join(env.CONFIRMA_DATA_DIR, files[variable]);
  if (!existsSync(file)) {
    mkdirSync(env.CONFIRMA_DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
