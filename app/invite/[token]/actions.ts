"use server";
import { redirect } from "next/navigation";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { acceptInvite } from "@/lib/server/invite/accept-invite";
import type { FormState } from "@/lib/validation/form-state";

export async function acceptInviteAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/invite/${token}`);
  let familyId: string;
  try {
    familyId = (await acceptInvite({ token, userId: session.user.id })).familyId;
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect(`/family/${familyId}`);
}
