// Environment schemas shared by the app (lib/env.ts) and the launcher (scripts/serve.ts).
// Kept free of "server-only" so scripts and unit tests can import it.
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL");

const origin = z
  .url({ protocol: /^https?$/ })
  .transform((value) => value.replace(/\/+$/, ""));

const port = z.coerce.number().int().min(1).max(65535);

export const launcherEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
  DATABASE_URL: optional(postgresUrl),
  EMBEDDED_POSTGRES_PORT: z.preprocess(emptyAsUndefined, port.default(54329)),
  CONFIRMA_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  PUBLIC_BASE_URL: optional(origin),
});

export const appEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, origin.default("http://localhost:3000")),
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(10)),
});

export type LauncherEnv = z.infer<typeof launcherEnvSchema>;
export type AppEnv = z.infer<typeof appEnvSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEnvironmentError";
  }
}

/** Parses the environment, or throws one readable line naming every bad variable. */
export function parseEnvironment<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const missing = issue.code === "invalid_type" && source[name] === undefined;
    return missing ? `${name} is missing` : `${name} ${issue.message}`;
  });
  throw new InvalidEnvironmentError(`Invalid environment: ${problems.join("; ")}. See .env.example.`);
}
