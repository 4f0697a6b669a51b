import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, enforceCredentialPolicy, recordCredentialSuccess } from "@/lib/server/auth/credential-policy";
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
  // The app's password policy and its per-email and per-address sign-in limits run here, for
  // the forms' server actions and the library's own HTTP endpoints alike.
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      const body = await enforceCredentialPolicy({ path: ctx.path, body: ctx.body, headers: ctx.headers });
      if (body) return { context: { body } };
    }),
    after: createAuthMiddleware(async (ctx) => {
      await recordCredentialSuccess({ path: ctx.path, body: ctx.body, signedIn: Boolean(ctx.context.newSession) });
    }),
  },
  // A coarse per-address limit on every /api/auth/* endpoint, on top of the hooks' own. The
  // address is the one app/api/auth/[...all]/route.ts sets (TRUSTED_PROXY_HOPS decides it),
  // never a client's X-Forwarded-For.
  rateLimit: {
    enabled: true,
    storage: "database",
    window: 60,
    max: 60,
    customRules: {
      "/sign-in/email": { window: 60, max: 10 },
      "/sign-up/email": { window: 60, max: 10 },
    },
  },
  advanced: { ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
  // A refusal (4xx) is an answer, not a fault: only server-side failures are logged, by kind.
  onAPIError: {
    onError(error) {
      const status = error && typeof error === "object" && "statusCode" in error ? Number(error.statusCode) : 500;
      if (status >= 500) console.error(`Auth endpoint failed (${error instanceof Error ? error.name : "unknown"})`);
    },
  },
  telemetry: { enabled: false },
  logger: { level: env.NODE_ENV === "test" ? "error" : "warn" },
  plugins: [nextCookies()],
});

export type AuthSession = typeof auth.$Infer.Session;
