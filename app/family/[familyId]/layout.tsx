import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSession } from "@/lib/server/auth/session";
import { requireMembership } from "@/lib/server/family/require-membership";
import { isSimulatorAvailable } from "@/lib/server/messaging/provider";
import { notFoundOnMissing } from "@/lib/server/not-found";

export default async function FamilyLayout({ children, params }: LayoutProps<"/family/[familyId]">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}`);
  const { family } = await requireMembership({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  const [t, simulator] = await Promise.all([getTranslations("plan"), getTranslations("simulator")]);
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
      <nav aria-label={family.name} className="no-print">
        <ul className="flex flex-wrap gap-2">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="flex min-h-11 items-center rounded-lg bg-gray-100 px-3 font-semibold text-gray-900 hover:bg-gray-200">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
