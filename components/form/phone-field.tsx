"use client";
import { useEffect, useId, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/validation/form-state";
import { TextField } from "./text-field";

function countryName(locale: string, country: string): string {
  if (!country) return "";
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(country) ?? country;
  } catch {
    return country;
  }
}

/**
 * A phone number field. When the server read the number two ways (Mexico and the United
 * States), it shows both readings, country and number, as a choice that is sent back as
 * `phoneChoice`; nothing is saved until one is chosen. The choice takes the focus.
 */
export function PhoneField(props: { label: string; hint?: string; state: FormState; defaultValue?: string; required?: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const legendId = useId();
  const first = useRef<HTMLInputElement>(null);
  const choices = props.state.status === "error" ? props.state.phoneChoices : undefined;
  useEffect(() => {
    if (choices?.length) first.current?.focus();
  }, [choices]);
  return (
    <>
      <TextField
        name="phone"
        type="tel"
        label={props.label}
        hint={props.hint}
        autoComplete="off"
        required={props.required}
        defaultValue={props.defaultValue}
        errors={props.state.fieldErrors?.phone}
      />
      {choices?.length ? (
        <fieldset
          aria-labelledby={legendId}
          className="flex flex-col gap-2 rounded-lg border-2 border-danger-700 p-3"
          data-testid="phone-choices"
        >
          <legend id={legendId} className="px-1 text-base font-semibold">
            {t("phoneWhich")}
          </legend>
          {choices.map((choice, index) => (
            <label key={choice.e164} className="flex min-h-12 items-center gap-3 text-lg">
              <input
                ref={index === 0 ? first : undefined}
                type="radio"
                name="phoneChoice"
                value={choice.e164}
                required
                className="size-6 shrink-0"
              />
              <span>
                {countryName(locale, choice.country)}:{" "}
                <span dir="ltr" className="font-semibold">
                  {choice.display}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
