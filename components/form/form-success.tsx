"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/validation/form-state";

/**
 * Announces a success message from the form's namespace (role="status", polite). With `focus`,
 * the message also takes the focus once shown, so that the reader's place follows the result.
 */
export function FormSuccess({ state, namespace, focus = false }: { state: FormState; namespace: string; focus?: boolean }) {
  const t = useTranslations(namespace);
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = state.status === "success" && !!state.successMessage;
  useEffect(() => {
    if (focus && shown) ref.current?.focus();
  }, [focus, shown, state]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={focus && shown ? -1 : undefined}
      className="text-base font-semibold text-brand-800 empty:hidden focus:outline-2 focus:outline-offset-2 focus:outline-brand-700"
    >
      {shown ? t(state.successMessage!, state.successValues) : ""}
    </p>
  );
}
