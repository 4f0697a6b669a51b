"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/form/form-alert";
import { initialFormState, type FormState } from "@/lib/validation/form-state";

/** A destructive action behind a confirmation dialog of the browser. */
export function DeleteButtonForm({
  action,
  label,
  confirmation,
  hidden = {},
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  confirmation: string;
  /** Fields sent with the button (e.g. which row). */
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirmation)) event.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <FormAlert state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 rounded-lg border-2 border-danger-700 px-5 text-lg font-semibold text-danger-700"
      >
        {label}
      </button>
    </form>
  );
}
