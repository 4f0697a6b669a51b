"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeMemberRoleAction, leaveFamilyAction, removeMemberAction } from "@/app/family/[familyId]/member-actions";
import { FormAlert } from "@/components/form/form-alert";
import { FormSuccess } from "@/components/form/form-success";
import { SubmitButton } from "@/components/form/submit-button";
import { DeleteButtonForm } from "@/components/plan/delete-button-form";
import { initialFormState } from "@/lib/validation/form-state";

type Member = { id: string; role: "owner" | "admin" | "member"; isAdmin: boolean; isSelf: boolean; name: string; email: string };

/** The family's adults: admins change roles and remove adults; everyone can leave. */
export function MembersPanel({ familyId, members, canManage }: { familyId: string; members: Member[]; canManage: boolean }) {
  const t = useTranslations("dashboard");
  const common = useTranslations("common");
  return (
    <section aria-labelledby="members-title" className="flex flex-col gap-2">
      <h2 id="members-title" className="text-xl font-bold">
        {t("membersTitle")}
      </h2>
      <p>{t("rolesLead")}</p>
      <ul className="flex flex-col gap-2" data-testid="members">
        {members.map((member) => (
          <li key={member.id} className="flex flex-col gap-2 rounded-lg bg-gray-50 p-3" aria-label={member.name}>
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-semibold">
                {member.name}
                {member.isSelf && ` (${t("you")})`}
              </span>
              <span>
                {member.email} · <span data-testid="member-role">{common(`roleName.${member.role}`)}</span>
              </span>
            </div>
            {canManage && <RoleForm familyId={familyId} member={member} />}
            {canManage && !member.isSelf && (
              <DeleteButtonForm
                action={removeMemberAction.bind(null, familyId)}
                label={t("removeMember", { name: member.name })}
                confirmation={t("removeConfirm", { name: member.name })}
                hidden={{ membershipId: member.id }}
              />
            )}
          </li>
        ))}
      </ul>
      <LeaveForm familyId={familyId} />
    </section>
  );
}

function RoleForm({ familyId, member }: { familyId: string; member: Member }) {
  const t = useTranslations("dashboard");
  const [state, action] = useActionState(changeMemberRoleAction.bind(null, familyId), initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <FormAlert state={state} />
      <input type="hidden" name="membershipId" value={member.id} />
      <label className="flex flex-col gap-1 font-semibold">
        {t("memberRole", { name: member.name })}
        <select
          name="role"
          defaultValue={member.isAdmin ? "admin" : "member"}
          className="min-h-12 rounded-lg border-2 border-gray-600 bg-white px-3 text-lg"
        >
          <option value="admin">{t("roleAdmin")}</option>
          <option value="member">{t("roleMember")}</option>
        </select>
      </label>
      <SubmitButton variant="secondary">{t("changeRole")}</SubmitButton>
      <FormSuccess state={state} namespace="dashboard" />
    </form>
  );
}

function LeaveForm({ familyId }: { familyId: string }) {
  const t = useTranslations("dashboard");
  return (
    <div className="flex flex-col gap-2 pt-2">
      <p>{t("leaveLead")}</p>
      <DeleteButtonForm action={leaveFamilyAction.bind(null, familyId)} label={t("leave")} confirmation={t("leaveConfirm")} />
    </div>
  );
}
