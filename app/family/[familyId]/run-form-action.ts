import "server-only";
// What every form action of a family page does around its work: the session, the family's
// pages refreshed after a change, and any failure as a translated form message (never a 500).
import { revalidatePath } from "next/cache";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import type { FormState } from "@/lib/validation/form-state";

export type Scope = { familyId: string; userId: string };

export async function scope(familyId: string): Promise<Scope> {
  const session = await requireSession(`/family/${familyId}`);
  return { familyId, userId: session.user.id };
}

export function refresh(familyId: string) {
  revalidatePath(`/family/${familyId}`, "layout");
}

/** Runs `work` and turns its failure into the form's state. */
export async function attempt(familyId: string, formData: FormData, work: (scope: Scope) => Promise<FormState | void>): Promise<FormState> {
  try {
    const result = await work(await scope(familyId));
    refresh(familyId);
    return result ?? { status: "success" };
  } catch (error) {
    if (error instanceof Error && "digest" in error) throw error; // redirect() and notFound()
    return actionErrorState(error, formData);
  }
}
