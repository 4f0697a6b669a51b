import { getTranslations } from "next-intl/server";
import { FamilyNav } from "@/components/family/family-nav";
import { OpenIncidentBanner } from "@/components/incident/open-incident-banner";
import { requireSession } from "@/lib/server/auth/session";
import { findOpenIncident } from "@/lib/server/incidents/manage-incident";
import { requireMembership } from "@/lib/server/family/require-membership";
import { isSimulatorAvailable } from "@/lib/server/messaging/provider";
import { notFoundOnMissing } from "@/lib/server/not-found";

export default async function FamilyLayout({ children, params }: LayoutProps<"/family/[familyId]">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}`);
  const { family } = await requireMembership({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  const [t, common, simulator, incidentT, callers, open] = await Promise.all([
    getTranslations("plan"),
    getTranslations("common"),
    getTranslations("simulator"),
    getTranslations("incident"),
    getTranslations("callers"),
    findOpenIncident({ familyId: family.id }),
  ]);
  const base = `/family/${family.id}`;
  const links = [
    { href: base, label: family.name },
    { href: `${base}/contacts`, label: t("contactsLink") },
    { href: `${base}/words`, label: t("wordsTitle") },
    { href: `${base}/card`, label: t("printCard") },
    { href: `${base}/callers`, label: callers("checkLink") },
    { href: `${base}/settings`, label: t("settingsLink") },
    ...(isSimulatorAvailable() ? [{ href: "/simulator", label: simulator("link") }] : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      {open && <OpenIncidentBanner href={`${base}/incidents/${open.id}`} label={incidentT("openBanner", { names: open.names })} />}
      <FamilyNav label={family.name} menuLabel={common("familyMenu", { family: family.name })} links={links} />
      {children}
    </div>
  );
}
