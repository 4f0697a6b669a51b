import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireSession } from "@/lib/server/auth/session";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { listPeople } from "@/lib/server/people/people";
import { StartIncidentForm } from "./start-form";

export default async function NewIncidentPage({ params }: PageProps<"/family/[familyId]/incidents/new">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/incidents/new`);
  const [{ family, people }, t] = await Promise.all([
    listPeople({ familyId, userId: session.user.id }).catch(notFoundOnMissing),
    getTranslations("incident"),
  ]);
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl leading-tight font-bold">{t("whoTitle")}</h1>
      <p className="text-base">{t("whoLead")}</p>
      {people.length === 0 ? (
        <Link href={`/family/${family.id}/setup`} className="text-lg font-semibold text-brand-800 underline">
          {t("noPeople")}
        </Link>
      ) : (
        <StartIncidentForm familyId={family.id} people={people} />
      )}
    </section>
  );
}
