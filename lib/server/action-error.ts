import "server-only";
import { isAppError } from "@/lib/app-error";
import { formError, type FormState } from "@/lib/validation/form-state";

/** Turns a failure inside a server action into a form message; nothing reaches the user as a 500. */
export function actionErrorState(error: unknown, formData: FormData): FormState {
  if (isAppError(error)) return formError(formData, error.messageKey, error.details);
  console.error("Server action failed", error);
  return formError(formData, "generic");
}
