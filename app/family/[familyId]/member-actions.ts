"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { changeMemberRole, leaveFamily, removeMember } from "@/lib/server/family/members";
import { changeRoleSchema, memberSchema } from "@/lib/validation/family";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export async function changeMemberRoleAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}`);
  const parsed = parseForm(changeRoleSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await changeMemberRole({ familyId, userId: session.user.id, ...parsed.data });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  revalidatePath(`/family/${familyId}`);
  return { status: "success", successMessage: "roleChanged" };
}

export async function removeMemberAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}`);
  const parsed = parseForm(memberSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await removeMember({ familyId, userId: session.user.id, ...parsed.data });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  revalidatePath(`/family/${familyId}`);
  return { status: "success", successMessage: "memberRemoved" };
}

export async function leaveFamilyAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}`);
  try {
    await leaveFamily({ familyId, userId: session.user.id });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  redirect("/");
}
