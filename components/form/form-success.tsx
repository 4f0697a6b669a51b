"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/validation/form-state";

/** Announces a success message from the form's namespace (role="status", polite). */
export function FormSuccess({ state, namespace }: { state: FormState; namespace: string }) {
  const t = useTranslations(namespace);
  return (
    <p role="status" className="text-base font-semibold text-brand-800 empty:hidden">
      {state.status === "success" && state.successMessage ? t(state.successMessage, state.successValues) : ""}
    </p>
  );
}
