"use client";
import { useActionState, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { FormAlert } from "@/components/form/form-alert";
import { SelectField } from "@/components/form/select-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState } from "@/lib/validation/form-state";
import { createInviteAction, revokeInviteAction, type InviteState } from "./actions";

type PendingInvite = { id: string; expiresAt: Date; role: string };

export function InvitePanel({
  familyId,
  pendingInvites,
  ttlHours,
}: {
  familyId: string;
  pendingInvites: PendingInvite[];
  ttlHours: number;
}) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState<InviteState, FormData>(createInviteAction.bind(null, familyId), initialFormState);
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="invite-title" className="flex flex-col gap-3 rounded-xl border-2 border-gray-200 p-4">
      <h2 id="invite-title" className="text-xl font-bold">
        {t("inviteTitle")}
      </h2>
      <p className="text-base">{t("inviteLead", { hours: ttlHours })}</p>
      <form action={action} className="flex flex-col gap-3">
        <FormAlert state={state} />
        <SelectField
          name="role"
          label={t("inviteRole")}
          hint={t("inviteRoleHint")}
          defaultValue={state.values?.role ?? "admin"}
          errors={state.fieldErrors?.role}
          options={[
            { value: "admin", label: t("roleAdmin") },
            { value: "member", label: t("roleMember") },
          ]}
        />
        <SubmitButton variant="secondary">{t("inviteCreate")}</SubmitButton>
      </form>
      {state.inviteUrl && (
        <div className="flex flex-col gap-2">
          <label htmlFor="invite-url" className="font-semibold">
            {t("inviteLink")}
          </label>
          <input
            id="invite-url"
            readOnly
            value={state.inviteUrl}
            className="min-h-12 rounded-lg border-2 border-gray-600 px-3 font-mono text-sm"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className="min-h-12 rounded-lg bg-gray-900 px-4 text-lg font-semibold text-white"
            onClick={async () => {
              await navigator.clipboard?.writeText(state.inviteUrl!).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? t("inviteCopied") : t("inviteCopy")}
          </button>
          <p role="status" className="sr-only">
            {copied ? t("inviteCopied") : ""}
          </p>
        </div>
      )}
      {pendingInvites.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 className="text-lg font-semibold">{t("pendingInvites")}</h3>
          <ul className="flex flex-col gap-2">
            {pendingInvites.map((invite) => (
              <PendingInviteRow key={invite.id} familyId={familyId} invite={invite} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function PendingInviteRow({ familyId, invite }: { familyId: string; invite: PendingInvite }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const [state, action] = useActionState(revokeInviteAction.bind(null, familyId), initialFormState);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-gray-50 p-3">
      <span>
        {invite.role === "member" ? t("roleMember") : t("roleAdmin")} ·{" "}
        {t("inviteExpires", { date: format.dateTime(invite.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}
      </span>
      <form action={action}>
        <input type="hidden" name="inviteId" value={invite.id} />
        <FormAlert state={state} />
        <SubmitButton variant="secondary">{t("inviteRevoke")}</SubmitButton>
      </form>
    </li>
  );
}
