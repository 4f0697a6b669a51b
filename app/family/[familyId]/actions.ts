"use server";
// Invitations to the family (familyAction: signed-in adults; the invite functions check the role).
import { env } from "@/lib/env";
import { familyAction } from "@/lib/server/actions/action-builders";
import { createInvite } from "@/lib/server/invite/create-invite";
import { revokeInvite } from "@/lib/server/invite/revoke-invite";
import { roleSchema } from "@/lib/validation/family";
import type { FormState } from "@/lib/validation/form-state";

export type InviteState = FormState & { inviteUrl?: string };

export const createInviteAction = familyAction<[], typeof roleSchema, InviteState>({ schema: roleSchema }, async ({ scope, input }) => {
  const { token } = await createInvite({ ...scope, role: input.role });
  return { status: "success", inviteUrl: `${env.PUBLIC_BASE_URL}/invite/${token}` };
});

export const revokeInviteAction = familyAction({}, async ({ scope, formData }) => {
  await revokeInvite({ ...scope, inviteId: String(formData.get("inviteId") ?? "") });
});
