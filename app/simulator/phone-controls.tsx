"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SubmitButton } from "@/components/form/submit-button";
import { useErrorMessage } from "@/components/form/use-error-message";
import { initialFormState } from "@/lib/validation/form-state";
import { simulateKeypressAction, simulateReplyAction } from "./actions";

export function ReplyForm({ familyId, phone, name }: { familyId: string; phone: string; name: string }) {
  const t = useTranslations("simulator");
  const translate = useErrorMessage();
  const id = useId();
  const [state, action] = useActionState(simulateReplyAction, initialFormState);
  const error = state.fieldErrors?.body?.[0];
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="from" value={phone} />
      <label htmlFor={id} className="font-semibold">
        {t("reply", { name })}
      </label>
      <textarea
        id={id}
        name="body"
        rows={2}
        maxLength={1600}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-lg border-2 border-gray-600 px-3 py-2 text-lg"
      />
      {error && (
        <p id={`${id}-error`} className="font-medium text-danger-700">
          {translate(error)}
        </p>
      )}
      <FormAlert state={state.fieldErrors?.body ? initialFormState : state} />
      <SubmitButton>{t("send")}</SubmitButton>
    </form>
  );
}

const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

export function Keypad({ messageId, name }: { messageId: string; name: string }) {
  const t = useTranslations("simulator");
  const [state, action, pending] = useActionState(simulateKeypressAction, initialFormState);
  return (
    <form action={action} aria-label={t("keypad", { name })} className="flex flex-col gap-2">
      <input type="hidden" name="messageId" value={messageId} />
      <FormAlert state={state} />
      <div className="grid max-w-60 grid-cols-3 gap-2">
        {keys.map((key) => (
          <button
            key={key}
            type="submit"
            name="digit"
            value={key}
            disabled={pending}
            className="min-h-12 rounded-lg border-2 border-gray-700 text-xl font-bold"
          >
            {key}
          </button>
        ))}
      </div>
    </form>
  );
}
