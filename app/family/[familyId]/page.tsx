import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlanOverview } from "@/components/plan/plan-overview";
import { TestCheckInPanel } from "@/components/plan/test-check-in-panel";
import { listTestCheckIns } from "@/lib/server/check-ins/test-check-ins";
import { listContacts } from "@/lib/server/contacts/contacts";
import { listIncidents } from "@/lib/server/incidents/manage-incident";
import { getPlanOverview } from "@/lib/server/plan/get-plan-overview";
import { requireSession } from "@/lib/server/auth/session";
import { editorRoles } from "@/lib/server/family/require-membership";
import { getFamilyOverview } from "@/lib/server/family/get-family-overview";
import { INVITE_TTL_HOURS } from "@/lib/server/invite/invite-token";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { MembersPanel } from "@/components/family/members-panel";
import { listMembers } from "@/lib/server/family/members";
import { InvitePanel } from "./invite-panel";

export default async function FamilyDashboardPage({ params }: PageProps<"/family/[familyId]">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}`);
  const scope = { familyId, userId: session.user.id };
  const [overview, members, plan, contacts, tests, incidents] = await Promise.all([
    getFamilyOverview(scope),
    listMembers(scope),
    getPlanOverview(scope),
    listContacts(scope),
    listTestCheckIns(scope),
    listIncidents(scope),
  ]).catch(notFoundOnMissing);
  const [t, common, planT, incidentT, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("common"),
    getTranslations("plan"),
    getTranslations("incident"),
    getFormatter(),
  ]);
  const { family, role, pendingInvites } = overview;
  const canEdit = editorRoles.includes(role);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold">{t("title", { family: family.name })}</h1>
        <p className="text-base text-gray-700">
          {t("summary", {
            country: common(`countryName.${family.country}`),
            language: common(`languageName.${family.locale}`),
            role: common(`roleName.${role}`),
          })}
        </p>
      </header>
      {plan.nextStep && canEdit && (
        <section aria-labelledby="setup-title" className="flex flex-col gap-3 rounded-xl border-2 border-brand-700 bg-emerald-50 p-4">
          <h2 id="setup-title" className="text-xl font-bold">
            {planT("setupBanner")}
          </h2>
          <Link
            href={`/family/${family.id}/setup`}
            className="flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
          >
            {planT("continueSetup")}
          </Link>
        </section>
      )}
      {!canEdit && <p>{planT("readOnly")}</p>}
      {plan.words?.safeWordExposed && (
        <section role="alert" className="flex flex-col gap-2 rounded-xl border-4 border-danger-700 p-4">
          <h2 className="text-xl font-bold">{incidentT("exposedTitle")}</h2>
          <p>{incidentT("exposedLead")}</p>
          <Link href={`/family/${family.id}/words`} className="self-start py-2 font-semibold text-brand-800 underline">
            {planT("manageWords")}
          </Link>
        </section>
      )}
      {incidents.length > 0 && (
        <section aria-labelledby="incidents-title" className="flex flex-col gap-2">
          <h2 id="incidents-title" className="text-xl font-bold">
            {incidentT("history")}
          </h2>
          <ul className="flex flex-col gap-2">
            {incidents.map((incident) => (
              <li key={incident.id}>
                <Link
                  href={`/family/${family.id}/incidents/${incident.id}`}
                  className="flex min-h-12 flex-wrap items-center gap-2 rounded-lg bg-gray-50 p-3 font-semibold underline"
                >
                  {format.dateTime(incident.startedAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                  {incident.claimedPerson?.name ?? incidentT("everyone")} ·{" "}
                  {incident.outcome ? incidentT(`outcome.${incident.outcome}`) : incidentT("open")}
                  {incident.drill && ` · ${incidentT("drillBadge")}`}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PlanOverview overview={plan} />
      <TestCheckInPanel
        familyId={family.id}
        canEdit={canEdit}
        tests={tests}
        lines={[
          ...plan.people.map((person) => ({ kind: "person" as const, id: person.id, name: person.name, phone: person.phone })),
          ...contacts.map((contact) => ({ kind: "contact" as const, id: contact.id, name: contact.name, phone: contact.phone })),
        ]}
      />
      <MembersPanel familyId={family.id} members={members} canManage={canEdit} />
      {canEdit ? (
        <InvitePanel familyId={family.id} pendingInvites={pendingInvites} ttlHours={INVITE_TTL_HOURS} />
      ) : (
        <p>{t("onlyEditorsInvite")}</p>
      )}
    </div>
  );
}
