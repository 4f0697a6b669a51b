import "server-only";
import { appEnvSchema, parseEnvironment, type AppEnv } from "./env-schema";

// `next build` imports route modules to collect page data; the real values arrive at start,
// where instrumentation.ts validates them before the first request.
const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

const buildPlaceholders: AppEnv = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://build-phase@127.0.0.1:1/unused",
  BETTER_AUTH_SECRET: "build-phase-placeholder-never-used-to-sign-anything",
  PUBLIC_BASE_URL: "http://localhost:3000",
  DATABASE_POOL_SIZE: 1,
  TWILIO_TIMEOUT_MS: 10_000,
  SIMULATOR_ENABLED: false,
  TRUSTED_PROXY_HOPS: 0,
  INBOUND_PROCESSING: "inline",
  CALLER_REGISTRY_THRESHOLD: 3,
  CALLER_REPORT_MIN_FAMILY_AGE_HOURS: 24,
};

export const env: AppEnv = isBuildPhase ? buildPlaceholders : parseEnvironment(appEnvSchema, process.env);
