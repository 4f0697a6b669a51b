"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/validation/form-state";
import { useErrorMessage } from "./use-error-message";

/** The form-level message: a server refusal, or a summary when fields need fixing. */
export function FormAlert({ state }: { state: FormState }) {
  const translate = useErrorMessage();
  const t = useTranslations("common");
  if (state.status !== "error") return null;
  const message = state.formError ? translate(state.formError, state.formErrorValues) : t("formHasErrors");
  return (
    <p role="alert" className="rounded-lg border-2 border-danger-700 bg-red-50 p-3 text-base font-medium text-danger-700">
      {message}
    </p>
  );
}
