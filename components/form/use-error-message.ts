"use client";
import { useTranslations } from "next-intl";

/** Translates an error key from a server action, falling back to the generic message. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return (key: string | undefined, values?: Record<string, string | number>) =>
    key === undefined ? undefined : t.has(key) ? t(key, values) : t("generic");
}
