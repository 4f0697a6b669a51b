"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { initialFormState } from "@/lib/validation/form-state";
import { startIncidentAction } from "../actions";

/**
 * One tap: each person is a big button; the choice starts the verification. Compact, so that on
 * a phone the people, "I don't know" and the drill choice are all on the first screen.
 */
export function StartIncidentForm({ familyId, people }: { familyId: string; people: { id: string; name: string }[] }) {
  const t = useTranslations("incident");
  const [state, action, pending] = useActionState(startIncidentAction.bind(null, familyId), initialFormState);
  const big =
    "flex min-h-14 w-full items-center justify-center rounded-xl px-3 py-2 text-center text-xl leading-tight font-bold break-words disabled:opacity-60";
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="start-form">
      <FormAlert state={state} />
      <div className={people.length > 1 ? "grid grid-cols-2 gap-3" : "grid grid-cols-1 gap-3"}>
        {people.map((person) => (
          <button
            key={person.id}
            type="submit"
            name="personId"
            value={person.id}
            disabled={pending}
            className={`${big} bg-gray-900 text-white`}
          >
            {person.name}
          </button>
        ))}
      </div>
      <button type="submit" name="personId" value="unknown" disabled={pending} className={`${big} border-4 border-gray-900 text-gray-900`}>
        {t("unknown")}
      </button>
      <label className="flex min-h-12 items-center gap-3 text-base leading-snug">
        <input type="checkbox" name="drill" className="size-6 shrink-0" />
        {t("drill")}
      </label>
    </form>
  );
}
