"use client";
import { useTranslations } from "next-intl";
import { locales } from "@/lib/i18n/config";
import { SelectField } from "./select-field";

/** A choice between the app's languages (Spanish, English), named in the reader's language. */
export function LocaleField(props: { name: string; label: string; defaultValue: string; errors?: string[] }) {
  const common = useTranslations("common");
  return <SelectField {...props} options={locales.map((code) => ({ value: code, label: common(`languageName.${code}`) }))} />;
}
