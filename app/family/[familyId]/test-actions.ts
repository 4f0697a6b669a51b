"use server";
import { revalidatePath } from "next/cache";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { sendTestCheckIns, type TestTarget } from "@/lib/server/check-ins/test-check-ins";
import type { FormState } from "@/lib/validation/form-state";

function targetFrom(formData: FormData): TestTarget {
  const kind = formData.get("kind");
  const id = String(formData.get("id") ?? "");
  if (kind === "person" || kind === "contact") return { kind, id };
  return { kind: "everyone" };
}

export async function sendTestCheckInAction(familyId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession(`/family/${familyId}`);
  try {
    const checkIns = await sendTestCheckIns({ familyId, userId: session.user.id, target: targetFrom(formData) });
    revalidatePath(`/family/${familyId}`);
    return { status: "success", successMessage: "sentCount", successValues: { count: String(checkIns.length) } };
  } catch (error) {
    return actionErrorState(error, formData);
  }
}
