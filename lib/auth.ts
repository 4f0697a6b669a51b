import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";

export const auth = betterAuth({
  appName: "Confirma",
  secret: env.BETTER_AUTH_SECRET,
  baseURL: env.PUBLIC_BASE_URL,
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
  },
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
  // Guards the library's own HTTP endpoints (/api/auth/*); the sign-in form's server action
  // has its own per-email and per-address limits (lib/server/auth/sign-in.ts).
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 60,
    customRules: {
      "/sign-in/email": { window: 60, max: 5 },
      "/sign-up/email": { window: 60, max: 5 },
    },
  },
  telemetry: { enabled: false },
  logger: { level: env.NODE_ENV === "test" ? "error" : "warn" },
  plugins: [nextCookies()],
});

export type AuthSession = typeof auth.$Infer.Session;
