"use client";
import { useId } from "react";
import { useErrorMessage } from "./use-error-message";

type TextareaFieldProps = { name: string; label: string; hint?: string; errors?: string[]; defaultValue?: string; maxLength?: number };

export function TextareaField({ name, label, hint, errors, defaultValue, maxLength }: TextareaFieldProps) {
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
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="rounded-lg border-2 border-gray-600 px-3 py-2 text-lg aria-[invalid=true]:border-danger-700"
      />
      {errorId && (
        <p id={errorId} className="text-base font-medium text-danger-700">
          {errors!.map((key) => translate(key)).join(" ")}
        </p>
      )}
    </div>
  );
}
