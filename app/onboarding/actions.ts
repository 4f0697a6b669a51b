"use server";
// A new family (userAction: the signed-in adult becomes its first admin).
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/actions/action-builders";
import { createFamily } from "@/lib/server/family/create-family";
import { createFamilySchema } from "@/lib/validation/family";

export const createFamilyAction = userAction({ schema: createFamilySchema, returnTo: () => "/onboarding" }, async ({ scope, input }) => {
  const family = await createFamily({ userId: scope.userId, input });
  redirect(`/family/${family.id}/setup`);
});
