import "server-only";
import { APIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import { consumeAttempt, resetAttempts } from "@/lib/server/rate-limit/consume-attempt";
import type { SignInInput, SignUpInput } from "@/lib/validation/auth";

export const signInLimits = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perAddress: { limit: 30, windowSeconds: 15 * 60 },
} as const;

const signUpLimitPerAddress = { limit: 10, windowSeconds: 60 * 60 };

/** The address the request came from (first hop of X-Forwarded-For, set by Next or the proxy). */
export function clientAddress(requestHeaders: Headers): string {
  return requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || requestHeaders.get("x-real-ip") || "unknown";
}

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", "signIn.tooManyAttempts", { minutes: Math.ceil(retryAfterSeconds / 60) });
}

/** Signs in (the session cookie is set on the response), limited per email and per address. */
export async function signInWithPassword(options: { input: SignInInput; requestHeaders: Headers }) {
  const { input, requestHeaders } = options;
  const address = clientAddress(requestHeaders);
  const emailKey = `sign-in:email:${input.email}`;
  for (const [key, rule] of [
    [emailKey, signInLimits.perEmail],
    [`sign-in:address:${address}`, signInLimits.perAddress],
  ] as const) {
    const attempt = await consumeAttempt({ key, ...rule });
    if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  }
  try {
    const result = await auth.api.signInEmail({ body: input, headers: requestHeaders });
    await resetAttempts({ key: emailKey });
    return result.user;
  } catch (error) {
    if (error instanceof APIError) throw new AppError("unauthenticated", "signIn.invalid");
    throw error;
  }
}

/** Creates the account and signs it in. */
export async function signUpWithPassword(options: { input: SignUpInput; requestHeaders: Headers }) {
  const address = clientAddress(options.requestHeaders);
  const attempt = await consumeAttempt({ key: `sign-up:address:${address}`, ...signUpLimitPerAddress });
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  try {
    const result = await auth.api.signUpEmail({ body: options.input, headers: options.requestHeaders });
    return result.user;
  } catch (error) {
    if (error instanceof APIError && String(error.body?.code).startsWith("USER_ALREADY_EXISTS")) {
      throw new AppError("conflict", "email.taken");
    }
    if (error instanceof APIError && error.body?.code === "PASSWORD_TOO_SHORT") {
      throw new AppError("invalid_input", "password.tooShort");
    }
    throw error;
  }
}
