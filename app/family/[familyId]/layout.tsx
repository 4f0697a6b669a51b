import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
  const [t, common, simulator, incidentT, open] = await Promise.all([getTranslations("plan"), getTranslations("common"), getTranslations("simulator"), getTranslations("incident"), findOpenIncident({ familyId: family.id })]);
  const base = `/family/${family.id}`;
  const links = [
    { href: base, label: family.name },
    { href: `${base}/contacts`, label: t("contactsLink") },
    { href: `${base}/words`, label: t("wordsTitle") },
    { href: `${base}/card`, label: t("printCard") },
    { href: `${base}/settings`, label: t("settingsLink") },
    ...(isSimulatorAvailable() ? [{ href: "/simulator", label: simulator("link") }] : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      {open && <OpenIncidentBanner href={`${base}/incidents/${open.id}`} label={incidentT("openBanner", { names: open.names })} />}
      {/* On a phone the family's pages fold into a menu, so a page's own content comes first. */}
      <details className="no-print sm:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900">{common("familyMenu", { family: family.name })}</summary>
        <FamilyNav label={family.name} links={links} />
      </details>
      <div className="no-print hidden sm:block">
        <FamilyNav label={family.name} links={links} />
      </div>
      {children}
    </div>
  );
}

function FamilyNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2 pt-2 sm:pt-0">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="flex min-h-11 items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900 hover:bg-gray-200">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
