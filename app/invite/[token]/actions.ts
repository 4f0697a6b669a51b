"use server";
// Accepting an invitation (userAction: the signed-in adult; acceptInvite checks the token).
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/actions/action-builders";
import { acceptInvite } from "@/lib/server/invite/accept-invite";

export const acceptInviteAction = userAction({ bound: ["token"], returnTo: ({ token }) => `/invite/${token}` }, async ({ scope }) => {
  const { familyId } = await acceptInvite(scope);
  redirect(`/family/${familyId}`);
});
