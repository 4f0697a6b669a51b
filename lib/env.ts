import "server-only";
import { appEnvSchema, parseEnvironment, type AppEnv } from "./env-schema";

// `next build` imports route modules to collect page data; the runtime values arrive at start.
const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

export const env: AppEnv = isBuildPhase
  ? (appEnvSchema.partial().parse({}) as AppEnv)
  : parseEnvironment(appEnvSchema, process.env);
