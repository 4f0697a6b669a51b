"use client";
import { Field } from "./field";

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel" | "date";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  /** For dates: the earliest and latest day offered ("YYYY-MM-DD"). */
  min?: string;
  max?: string;
};

export function TextField({ name, label, hint, errors, type = "text", ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          {...control}
          {...input}
          name={name}
          type={type}
          className="min-h-12 rounded-lg border-2 border-gray-600 px-3 text-lg aria-[invalid=true]:border-danger-700"
        />
      )}
    </Field>
  );
}
