"use server";
// The family's adults: roles, removal, leaving (familyAction; lib/server/family/members.ts
// checks the role and keeps the last admin).
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/server/actions/action-builders";
import { changeMemberRole, leaveFamily, removeMember } from "@/lib/server/family/members";
import { changeRoleSchema, memberSchema } from "@/lib/validation/family";

export const changeMemberRoleAction = familyAction({ schema: changeRoleSchema }, async ({ scope, input }) => {
  await changeMemberRole({ ...scope, ...input });
  return { status: "success", successMessage: "roleChanged" };
});

export const removeMemberAction = familyAction({ schema: memberSchema }, async ({ scope, input }) => {
  await removeMember({ ...scope, ...input });
  return { status: "success", successMessage: "memberRemoved" };
});

export const leaveFamilyAction = familyAction({ revalidate: () => null }, async ({ scope }) => {
  await leaveFamily(scope);
  redirect("/");
});
