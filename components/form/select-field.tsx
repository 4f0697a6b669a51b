"use client";
import { Field } from "./field";

type SelectFieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  options: { value: string; label: string }[];
};

export function SelectField({ name, label, hint, errors, defaultValue, options }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <select
          {...control}
          name={name}
          defaultValue={defaultValue}
          className="min-h-12 rounded-lg border-2 border-gray-600 bg-white px-3 text-lg aria-[invalid=true]:border-danger-700"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
