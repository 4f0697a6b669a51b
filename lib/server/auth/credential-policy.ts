import "server-only";
import { APIError } from "better-auth/api";
import { z } from "zod";
import { resolveClientAddress } from "@/lib/client-address";
import { env } from "@/lib/env";
import { consumeAttempt, resetAttempts } from "@/lib/server/rate-limit/consume-attempt";
import { passwordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";

// The app's rules for every path that handles a credential: the sign-in and sign-up forms
// (server actions calling auth.api) and better-auth's own HTTP endpoints (/api/auth/*) both
// pass through better-auth's `hooks.before`, which calls enforceCredentialPolicy. The counters
// live in PostgreSQL (attempt_counter), shared by every instance.

export const signInLimits = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perAddress: { limit: 30, windowSeconds: 15 * 60 },
} as const;

/** The largest body any /api/auth/* endpoint reads (app/api/auth/[...all]/route.ts): a sign-in or sign-up is well under 1 KiB. */
export const AUTH_BODY_MAX_BYTES = 16 * 1024;

export const signUpLimitPerAddress = { limit: 10, windowSeconds: 60 * 60 };

/** Password changes and resets: per address, so a stolen session cannot guess the old one. */
const passwordChangeLimitPerAddress = { limit: 10, windowSeconds: 15 * 60 };

/** The client's address: the TCP peer, or the entry TRUSTED_PROXY_HOPS proxies vouch for. */
export function clientAddress(requestHeaders: Headers | undefined): string {
  const address = resolveClientAddress(requestHeaders ?? new Headers(), env.TRUSTED_PROXY_HOPS);
  if (address === "unknown") warnUnknownAddressOnce();
  return address;
}

let warnedUnknownAddress = false;

/**
 * A server started without scripts/peer-address.mjs (`next start` instead of `npm start`) never
 * learns the TCP peer: every client is "unknown" and shares one per-address bucket. Said once.
 */
function warnUnknownAddressOnce() {
  if (warnedUnknownAddress) return;
  warnedUnknownAddress = true;
  console.warn(
    "Client address unknown: every such client shares one per-address sign-in limit. Start the server with `npm start` (it preloads scripts/peer-address.mjs), and behind a proxy set TRUSTED_PROXY_HOPS (docs/decisions/011-client-address-and-simulator-scope.md).",
  );
}

/** Where better-auth reads the client's address (its own limiter, the session's ipAddress). */
export const CLIENT_ADDRESS_HEADER = "x-confirma-client";

/** A copy of the headers with the client's address set by us, whatever the client sent there. */
export function withClientAddress(requestHeaders: Headers): Headers {
  const copy = new Headers(requestHeaders);
  copy.set(CLIENT_ADDRESS_HEADER, clientAddress(requestHeaders));
  return copy;
}

export const signInEmailKey = (email: string) => `sign-in:email:${email}`;

/** A refusal that the HTTP API answers as JSON and the forms translate (see password-auth.ts). */
function invalidInput(error: z.ZodError): APIError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "form");
  return new APIError("BAD_REQUEST", {
    code: "INVALID_INPUT",
    message: `${field}: ${issue?.message ?? "invalid"}`,
    field,
    messageKey: issue?.message ?? "generic",
  });
}

function tooManyAttempts(retryAfterSeconds: number): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_ATTEMPTS", message: "Too many attempts. Try again later.", retryAfterSeconds },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

async function consumeAll(rules: [string, { limit: number; windowSeconds: number }][]) {
  for (const [key, rule] of rules) {
    const attempt = await consumeAttempt({ key, ...rule });
    if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
  }
}

const newPasswordBody = z.object({ newPassword: passwordSchema }).loose();

/**
 * What an adult may change about their account through the library's /update-user: the name, under
 * the sign-up form's rule, and nothing else (the app has no picture; the email is the sign-in).
 */
const updateUserBody = z.strictObject(
  { name: signUpSchema.shape.name },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "generic" : undefined) },
);

/**
 * Checks one call of a better-auth endpoint against the app's rules before it runs. Returns the
 * normalized body to use instead (trimmed name, lowercased email), or nothing to change.
 */
export async function enforceCredentialPolicy(options: { path: string; body: unknown; headers: Headers | undefined }) {
  const { path, body, headers } = options;
  const address = clientAddress(headers);
  switch (path) {
    case "/sign-up/email": {
      const parsed = signUpSchema.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error);
      await consumeAll([[`sign-up:address:${address}`, signUpLimitPerAddress]]);
      return { ...(body as object), ...parsed.data };
    }
    case "/sign-in/email": {
      const parsed = signInSchema.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error);
      await consumeAll([
        [signInEmailKey(parsed.data.email), signInLimits.perEmail],
        [`sign-in:address:${address}`, signInLimits.perAddress],
      ]);
      return { ...(body as object), ...parsed.data };
    }
    case "/update-user": {
      const parsed = updateUserBody.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error);
      return parsed.data;
    }
    case "/change-password":
    case "/reset-password":
    case "/set-password": {
      const parsed = newPasswordBody.safeParse(body);
      if (!parsed.success) throw invalidInput(parsed.error);
      await consumeAll([[`password-change:address:${address}`, passwordChangeLimitPerAddress]]);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** After a successful sign-in, that email's failed attempts are forgotten. */
export async function recordCredentialSuccess(options: { path: string; body: unknown; signedIn: boolean }) {
  if (options.path !== "/sign-in/email" || !options.signedIn) return;
  const parsed = signInSchema.safeParse(options.body);
  if (parsed.success) await resetAttempts({ key: signInEmailKey(parsed.data.email) });
}
