"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateTreeEntryAction } from "@/app/family/[familyId]/contacts/actions";
import { FormAlert } from "@/components/form/form-alert";
import { initialFormState } from "@/lib/validation/form-state";
import { tiers } from "@/lib/plan-options";

const control = "min-h-11 min-w-11 rounded-lg border-2 border-gray-700 px-3 text-base font-semibold disabled:opacity-40";

/** Reorder, re-tier or remove one contact of a person's tree. */
export function TreeEntryControls(props: {
  familyId: string;
  assignmentId: string;
  name: string;
  tier: number;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useTranslations("contacts");
  const [state, action, pending] = useActionState(updateTreeEntryAction.bind(null, props.familyId, props.assignmentId), initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <button
        type="submit"
        name="intent"
        value="up"
        disabled={props.isFirst || pending}
        aria-label={t("moveUp", { name: props.name })}
        className={control}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value="down"
        disabled={props.isLast || pending}
        aria-label={t("moveDown", { name: props.name })}
        className={control}
      >
        ↓
      </button>
      <label className="sr-only" htmlFor={`tier-${props.assignmentId}`}>
        {t("moveToTier", { name: props.name })}
      </label>
      <select
        id={`tier-${props.assignmentId}`}
        name="tier"
        defaultValue={String(props.tier)}
        className="min-h-11 rounded-lg border-2 border-gray-700 bg-white px-2 text-base"
      >
        {tiers.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
      <button type="submit" name="intent" value="tier" disabled={pending} className={control}>
        {t("move")}
      </button>
      <button
        type="submit"
        name="intent"
        value="remove"
        disabled={pending}
        aria-label={t("remove", { name: props.name })}
        className={`${control} border-danger-700 text-danger-700`}
      >
        ✕
      </button>
      <FormAlert state={state} />
    </form>
  );
}
