"use client";
import { Field } from "./field";

type TextareaFieldProps = { name: string; label: string; hint?: string; errors?: string[]; defaultValue?: string; maxLength?: number };

export function TextareaField({ name, label, hint, errors, ...textarea }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <textarea
          {...control}
          {...textarea}
          name={name}
          rows={3}
          className="rounded-lg border-2 border-gray-600 px-3 py-2 text-lg aria-[invalid=true]:border-danger-700"
        />
      )}
    </Field>
  );
}
