"use server";
import { revalidatePath } from "next/cache";
import { actionErrorState } from "@/lib/server/action-error";
import { requireSession } from "@/lib/server/auth/session";
import { simulateInboundSms, simulateKeypress } from "@/lib/server/simulator/simulator";
import { parseForm, type FormState } from "@/lib/validation/form-state";
import { keypressSchema, simulatedReplySchema } from "@/lib/validation/simulator";

export async function simulateReplyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession("/simulator");
  const parsed = parseForm(simulatedReplySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await simulateInboundSms({ userId: session.user.id, ...parsed.data });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  revalidatePath("/simulator");
  return { status: "success", successMessage: "sent" };
}

export async function simulateKeypressAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession("/simulator");
  const parsed = parseForm(keypressSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await simulateKeypress({ userId: session.user.id, ...parsed.data });
  } catch (error) {
    return actionErrorState(error, formData);
  }
  revalidatePath("/simulator");
  return { status: "success" };
}
