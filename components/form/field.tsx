"use client";
import { useId, type ReactNode } from "react";
import { useErrorMessage } from "./use-error-message";

export type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A label, an optional hint and the field's errors, wired to the control with aria-describedby. */
export function Field({
  label,
  hint,
  errors,
  children,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: ControlProps) => ReactNode;
}) {
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
      {children({
        id,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {errorId && (
        <p id={errorId} className="text-base font-medium text-danger-700">
          {errors!.map((key) => translate(key)).join(" ")}
        </p>
      )}
    </div>
  );
}
