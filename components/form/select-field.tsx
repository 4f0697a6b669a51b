"use client";
import { useId } from "react";
import { useErrorMessage } from "./use-error-message";

type SelectFieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, hint, errors, defaultValue, options }: SelectFieldProps) {
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
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="min-h-12 rounded-lg border-2 border-gray-600 bg-white px-3 text-lg"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorId && (
        <p id={errorId} className="text-base font-medium text-danger-700">
          {errors!.map((key) => translate(key)).join(" ")}
        </p>
      )}
    </div>
  );
}
