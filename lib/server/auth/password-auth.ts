import "server-only";
import { APIError } from "better-auth/api";
import { AppError } from "@/lib/app-error";
import { auth } from "@/lib/auth";
import type { SignInInput, SignUpInput } from "@/lib/validation/auth";
import { withClientAddress } from "./credential-policy";

export { clientAddress, signInLimits } from "./credential-policy";

/**
 * The refusals of the credential policy (credential-policy.ts, run inside better-auth's hooks)
 * as the forms show them; anything else is returned for the caller to decide.
 */
function policyRefusal(error: unknown): AppError | null {
  if (!(error instanceof APIError)) return null;
  const body = error.body as { code?: string; retryAfterSeconds?: number; field?: string; messageKey?: string } | undefined;
  if (body?.code === "TOO_MANY_ATTEMPTS") {
    return new AppError("rate_limited", "signIn.tooManyAttempts", { minutes: Math.ceil((body.retryAfterSeconds ?? 60) / 60) });
  }
  if (body?.code === "INVALID_INPUT" && body.messageKey)
    return new AppError("invalid_input", body.messageKey, { field: body.field ?? "form" });
  return null;
}

/** Signs in (the session cookie is set on the response), limited per email and per address. */
export async function signInWithPassword(options: { input: SignInInput; requestHeaders: Headers }) {
  try {
    const result = await auth.api.signInEmail({ body: options.input, headers: withClientAddress(options.requestHeaders) });
    return result.user;
  } catch (error) {
    const refusal = policyRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof APIError) throw new AppError("unauthenticated", "signIn.invalid");
    throw error;
  }
}

/** Creates the account and signs it in. */
export async function signUpWithPassword(options: { input: SignUpInput; requestHeaders: Headers }) {
  try {
    const result = await auth.api.signUpEmail({ body: options.input, headers: withClientAddress(options.requestHeaders) });
    return result.user;
  } catch (error) {
    const refusal = policyRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof APIError && String(error.body?.code).startsWith("USER_ALREADY_EXISTS")) {
      throw new AppError("conflict", "email.taken");
    }
    throw error;
  }
}
