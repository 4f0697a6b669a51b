"use server";
// Signing up and in: public by nature (publicAction); better-auth and the credential policy
// (lib/server/auth) do the checking and the limiting.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/actions/action-builders";
import { signInWithPassword, signUpWithPassword } from "@/lib/server/auth/password-auth";
import { nextPathSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";

export const signUpAction = publicAction({ schema: signUpSchema }, async ({ input, formData }) => {
  await signUpWithPassword({ input, requestHeaders: await headers() });
  redirect(nextPathSchema.parse(formData.get("next") ?? "/"));
});

export const signInAction = publicAction({ schema: signInSchema }, async ({ input, formData }) => {
  await signInWithPassword({ input, requestHeaders: await headers() });
  redirect(nextPathSchema.parse(formData.get("next") ?? "/"));
});
