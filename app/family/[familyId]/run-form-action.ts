import "server-only";
// What every form action of the family's plan does around its work once the session is known:
// the family's pages refreshed after a change, and any failure as a translated form message
// (never a 500). The session check stays in each "use server" file (app/server-actions.test.ts
// finds it there).
import { revalidatePath } from "next/cache";
import { actionErrorState } from "@/lib/server/action-error";
import type { FormState } from "@/lib/validation/form-state";

export type Scope = { familyId: string; userId: string };

/** Runs `work` for the adult `session` names and turns its failure into the form's state. */
export async function settleFormAction(
  familyId: string,
  formData: FormData,
  session: () => Promise<{ user: { id: string } }>,
  work: (scope: Scope) => Promise<FormState | void>,
): Promise<FormState> {
  try {
    const result = await work({ familyId, userId: (await session()).user.id });
    revalidatePath(`/family/${familyId}`, "layout");
    return result ?? { status: "success" };
  } catch (error) {
    if (error instanceof Error && "digest" in error) throw error; // redirect() and notFound()
    return actionErrorState(error, formData);
  }
}
