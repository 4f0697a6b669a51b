import "server-only";
import { isAppError, PhoneAmbiguousError } from "@/lib/app-error";
import { formError, formValues, type FormState } from "@/lib/validation/form-state";

/**
 * Turns a failure inside a server action into a form message; nothing reaches the user as a
 * 500. An error about one field (details.field) is shown on that field.
 */
export function actionErrorState(error: unknown, formData: FormData): FormState {
  if (error instanceof PhoneAmbiguousError) {
    // Not saved: the form shows both readings and sends back the one chosen.
    return {
      status: "error",
      formError: "phone.confirmBelow",
      fieldErrors: { phone: [error.messageKey] },
      phoneChoices: error.readings.map(({ e164, country, display }) => ({ e164, country: country ?? "", display })),
      values: formValues(formData),
    };
  }
  if (isAppError(error)) {
    const { field, ...values } = error.details ?? {};
    if (typeof field === "string") {
      return { status: "error", fieldErrors: { [field]: [error.messageKey] }, values: formValues(formData) };
    }
    return formError(formData, error.messageKey, values);
  }
  console.error("Server action failed", error);
  return formError(formData, "generic");
}
