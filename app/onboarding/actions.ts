"use server";
import { redirect } from "next/navigation";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { createFamily } from "@/lib/server/family/create-family";
import { createFamilySchema } from "@/lib/validation/family";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export async function createFamilyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession("/onboarding");
  const parsed = parseForm(createFamilySchema, formData);
  if (!parsed.ok) return parsed.state;
  let familyId: string;
  try {
    familyId = (await createFamily({ userId: session.user.id, input: parsed.data })).id;
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect(`/family/${familyId}/setup`);
}
