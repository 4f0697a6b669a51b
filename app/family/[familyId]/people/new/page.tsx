import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PersonForm } from "@/components/plan/person-form";
import { requireSession } from "@/lib/server/auth/session";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";

/** Adds one more person to protect, after the guided setup; then their page opens for their contacts. */
export default async function NewPersonPage({ params }: PageProps<"/family/[familyId]/people/new">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/people/new`);
  const { family, role } = await requireMembership({ familyId, userId: session.user.id }).catch(notFoundOnMissing);
  if (!editorRoles.includes(role)) notFound();
  const [t, plan] = await Promise.all([getTranslations("people"), getTranslations("plan")]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("addTitle")}</h1>
      <p className="text-lg">{t("addLead")}</p>
      <PersonForm familyId={family.id} defaultLocale={family.locale} openAfterAdd />
      <Link href={`/family/${family.id}`} className="self-start py-2 font-semibold text-brand-800 underline">
        {plan("backToPlan")}
      </Link>
    </div>
  );
}
