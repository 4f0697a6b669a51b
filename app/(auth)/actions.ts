"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actionErrorState } from "@/lib/server/action-error";
import { signInWithPassword, signUpWithPassword } from "@/lib/server/auth/password-auth";
import { nextPathSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await signUpWithPassword({ input: parsed.data, requestHeaders: await headers() });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect(nextPathSchema.parse(formData.get("next") ?? "/"));
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await signInWithPassword({ input: parsed.data, requestHeaders: await headers() });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect(nextPathSchema.parse(formData.get("next") ?? "/"));
}
