import { existsSync } from "node:fs";

/** Loads `.env` into process.env (variables already set win), as Next does for the app. */
export function loadDotEnv(file = ".env") {
  if (existsSync(file)) process.loadEnvFile(file);
}
