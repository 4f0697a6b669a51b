"use server";
import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/server/account/delete-account";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { deleteAccountSchema } from "@/lib/validation/auth";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession("/account");
  const parsed = parseForm(deleteAccountSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await deleteAccount({ userId: session.user.id, password: parsed.data.password });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect("/");
}
