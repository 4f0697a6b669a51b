"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { initialFormState } from "@/lib/validation/form-state";
import { startIncidentAction } from "../actions";

/** One tap: each person is a big button; the choice starts the verification. */
export function StartIncidentForm({ familyId, people }: { familyId: string; people: { id: string; name: string }[] }) {
  const t = useTranslations("incident");
  const [state, action, pending] = useActionState(startIncidentAction.bind(null, familyId), initialFormState);
  const big = "min-h-16 w-full rounded-xl px-5 text-2xl font-bold disabled:opacity-60";
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormAlert state={state} />
      {people.map((person) => (
        <button key={person.id} type="submit" name="personId" value={person.id} disabled={pending} className={`${big} bg-gray-900 text-white`}>
          {person.name}
        </button>
      ))}
      <button type="submit" name="personId" value="unknown" disabled={pending} className={`${big} border-4 border-gray-900 text-gray-900`}>
        {t("unknown")}
      </button>
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input type="checkbox" name="drill" className="size-6" />
        {t("drill")}
      </label>
    </form>
  );
}
