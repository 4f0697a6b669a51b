import { getTranslations } from "next-intl/server";
import { DeleteFamilyForm } from "@/components/plan/delete-family-form";
import { FamilyDetailsForm } from "@/components/plan/family-details-form";
import { AlertPhoneForm, EscalationDelaysForm } from "@/components/plan/settings-forms";
import { formatPhone } from "@/lib/phone";
import { requireSession } from "@/lib/server/auth/session";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";

export default async function SettingsPage({ params }: PageProps<"/family/[familyId]/settings">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/settings`);
  const { family, role, phone } = await requireMembership({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  const t = await getTranslations("settings");
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {editorRoles.includes(role) && (
        <section aria-labelledby="details-title" className="flex flex-col gap-3">
          <h2 id="details-title" className="text-xl font-bold">
            {t("detailsTitle")}
          </h2>
          <FamilyDetailsForm family={family} nextPath={null} submitLabel={t("save")} />
        </section>
      )}
      <section aria-labelledby="alert-phone-title" className="flex flex-col gap-3">
        <h2 id="alert-phone-title" className="text-xl font-bold">
          {t("alertPhoneTitle")}
        </h2>
        <AlertPhoneForm familyId={family.id} phone={phone ? formatPhone(phone) : ""} />
      </section>
      {editorRoles.includes(role) && (
        <section aria-labelledby="escalation-title" className="flex flex-col gap-3">
          <h2 id="escalation-title" className="text-xl font-bold">
            {t("escalationTitle")}
          </h2>
          <p>{t("escalationLead")}</p>
          <EscalationDelaysForm familyId={family.id} delays={family} />
        </section>
      )}
      <section aria-labelledby="export-title" className="flex flex-col gap-3">
        <h2 id="export-title" className="text-xl font-bold">
          {t("exportTitle")}
        </h2>
        <p>{t("exportLead")}</p>
        <a
          href={`/family/${family.id}/export`}
          download
          className="flex min-h-12 items-center justify-center self-start rounded-lg border-2 border-brand-700 px-5 text-lg font-semibold text-brand-800"
        >
          {t("export")}
        </a>
      </section>
      <section aria-labelledby="delete-title" className="flex flex-col gap-3 rounded-xl border-2 border-danger-700 p-4">
        <h2 id="delete-title" className="text-xl font-bold">
          {t("deleteTitle")}
        </h2>
        {editorRoles.includes(role) ? (
          <>
            <p>{t("deleteLead")}</p>
            <DeleteFamilyForm familyId={family.id} />
          </>
        ) : (
          <p>{t("adminsOnly")}</p>
        )}
      </section>
    </div>
  );
}
