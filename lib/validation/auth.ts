// Shared by the forms (to render messages) and the server actions (to decide).
// Messages are keys in the "errors" namespace of messages/<locale>.json.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// The most common passwords of adequate length: refused outright.
const commonPasswords = new Set([
  "1234567890",
  "12345678910",
  "0123456789",
  "qwertyuiop",
  "password123",
  "password1234",
  "contraseña",
  "contrasena1",
  "contraseña1",
  "iloveyou123",
  "qwerty1234",
  "1q2w3e4r5t",
  "abcdefghij",
  "abc1234567",
  "administrator",
  "passw0rd123",
  "welcome123",
  "letmein123",
]);

export function isWeakPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  if (new Set(lowered).size < 4) return true;
  return /^\d+$/.test(password);
}

const email = z
  .string({ error: "email.required" })
  .trim()
  .toLowerCase()
  .min(1, "email.required")
  .max(254, "email.invalid")
  .pipe(z.email("email.invalid"));

/** The password policy: every path that sets a password applies it (lib/server/auth/credential-policy.ts). */
export const passwordSchema = z
  .string({ error: "password.required" })
  .min(PASSWORD_MIN_LENGTH, "password.tooShort")
  .max(PASSWORD_MAX_LENGTH, "password.tooLong")
  .refine((value) => !isWeakPassword(value), "password.weak");

export const signUpSchema = z.object({
  name: z.string({ error: "name.required" }).trim().min(1, "name.required").max(80, "name.tooLong"),
  email,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email,
  password: z.string({ error: "password.required" }).min(1, "password.required").max(PASSWORD_MAX_LENGTH, "password.tooLong"),
});

/** Where to go after signing in: only paths on this site, never another origin. */
export const nextPathSchema = z
  .string()
  .regex(/^\/(?!\/)[\w\-/.?=&%]*$/)
  .max(512)
  .catch("/");

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;

/** Deleting one's account takes the current password. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: "password.required" }).min(1, "password.required").max(PASSWORD_MAX_LENGTH, "password.tooLong"),
});
