"use server";
// Deleting one's own account (userAction: the signed-in adult, with their password).
import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/server/account/delete-account";
import { userAction } from "@/lib/server/actions/action-builders";
import { deleteAccountSchema } from "@/lib/validation/auth";

export const deleteAccountAction = userAction({ schema: deleteAccountSchema, returnTo: () => "/account" }, async ({ scope, input }) => {
  await deleteAccount({ userId: scope.userId, password: input.password });
  redirect("/");
});
