// Environment schemas shared by the app (lib/env.ts) and the launcher (scripts/serve.ts).
// Kept free of "server-only" so scripts and unit tests can import it.
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL");

const origin = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

const port = z.coerce.number().int().min(1).max(65535);

export const launcherEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
  DATABASE_URL: optional(postgresUrl),
  EMBEDDED_POSTGRES_PORT: z.preprocess(emptyAsUndefined, port.default(54329)),
  CONFIRMA_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  BETTER_AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  CALLER_REGISTRY_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  PUBLIC_BASE_URL: optional(origin),
});

const booleanFlag = z
  .preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).default("false"))
  .transform((value) => value === "true" || value === "1");

export const appEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, origin.default("http://localhost:3000")),
    DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(10)),
    TWILIO_ACCOUNT_SID: optional(z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must look like AC followed by 32 hex digits")),
    TWILIO_AUTH_TOKEN: optional(z.string().min(16, "looks too short")),
    TWILIO_MESSAGING_SERVICE_SID: optional(z.string().regex(/^MG[0-9a-fA-F]{32}$/, "must look like MG followed by 32 hex digits")),
    TWILIO_FROM_NUMBER: optional(z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number like +15005550006")),
    TWILIO_FROM_NUMBERS: optional(
      z
        .string()
        .transform((value) =>
          value
            .split(",")
            .map((number) => number.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, "must be E.164 numbers separated by commas")).min(1)),
    ),
    TWILIO_API_BASE_URL: optional(origin),
    TWILIO_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(60_000).default(10_000)),
    SIMULATOR_ENABLED: booleanFlag,
    /**
     * Who acts on a stored webhook: "worker" hands it to the worker's queue (set by `npm start`,
     * which runs one), "inline" acts on it before answering (a lone web server, `npm run dev`).
     */
    INBOUND_PROCESSING: z.preprocess(emptyAsUndefined, z.enum(["inline", "worker"]).default("inline")),
    /** Fault tests only: the point where this process kills itself (lib/server/fault-point.ts). */
    CONFIRMA_KILL_AT: optional(z.enum(["inbound-stored", "inbound-acted", "incident-committed", "send-requested"])),
    /** How many reverse proxies in front of the app append to X-Forwarded-For; 0 ignores the header. */
    TRUSTED_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
    /**
     * Keys the caller registry's hashes (docs/decisions/015-caller-registry.md). Unset: derived
     * from BETTER_AUTH_SECRET (`npm start` generates one into the data folder instead).
     */
    CALLER_REGISTRY_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    /** How many different families must report an identifier before anyone is shown it. */
    CALLER_REGISTRY_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2).max(100).default(3)),
    /** A family younger than this (hours) cannot report yet: a fresh account cannot flood the registry. */
    CALLER_REPORT_MIN_FAMILY_AGE_HOURS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .min(0)
        .max(24 * 365)
        .default(24),
    ),
  })
  .superRefine((env, context) => {
    const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN];
    if (twilio.some(Boolean) && !twilio.every(Boolean)) {
      const missing = env.TWILIO_ACCOUNT_SID ? "TWILIO_AUTH_TOKEN" : "TWILIO_ACCOUNT_SID";
      context.addIssue({ code: "custom", path: [missing], message: "is needed with the other Twilio credential" });
    }
    if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_FROM_NUMBER && !env.TWILIO_FROM_NUMBERS) {
      context.addIssue({
        code: "custom",
        path: ["TWILIO_FROM_NUMBER"],
        message: "or TWILIO_MESSAGING_SERVICE_SID is needed to send messages",
      });
    }
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
