"use server";
import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { createInvite } from "@/lib/server/invite/create-invite";
import { revokeInvite } from "@/lib/server/invite/revoke-invite";
import { roleSchema } from "@/lib/validation/family";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export type InviteState = FormState & { inviteUrl?: string };

export async function createInviteAction(familyId: string, _previous: InviteState, formData: FormData): Promise<InviteState> {
  const session = await requireSession(`/family/${familyId}`);
  const parsed = parseForm(roleSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { token } = await createInvite({ familyId, userId: session.user.id, role: parsed.data.role });
    revalidatePath(`/family/${familyId}`);
    return { status: "success", inviteUrl: `${env.PUBLIC_BASE_URL}/invite/${token}` };
  } catch (error) {
    return actionErrorState(error, formData);
  }
}

export async function revokeInviteAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}`);
  try {
    await revokeInvite({ familyId, userId: session.user.id, inviteId: String(formData.get("inviteId") ?? "") });
    revalidatePath(`/family/${familyId}`);
    return { status: "success" };
  } catch (error) {
    return actionErrorState(error, formData);
  }
}
