"use client";
import { useId } from "react";
import { useErrorMessage } from "./use-error-message";

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
};

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ name, label, hint, errors, defaultValue, type = "text", autoComplete, required, maxLength }: TextFieldProps) {
  const id = useId();
  const translate = useErrorMessage();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-gray-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="min-h-12 rounded-lg border-2 border-gray-600 px-3 text-lg aria-[invalid=true]:border-danger-700"
      />
      {errorId && (
        <p id={errorId} className="text-base font-medium text-danger-700">
          {errors!.map((key) => translate(key)).join(" ")}
        </p>
      )}
    </div>
  );
}
