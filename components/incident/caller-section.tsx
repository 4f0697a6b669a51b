import { getTranslations } from "next-intl/server";
import { checkView } from "@/lib/server/callers/check-view";
import { getIncidentCallers } from "@/lib/server/callers/incident-callers";
import { IncidentCallers } from "./caller-check";

/**
 * "Who is calling" on the live screen (and after the call): what the caller left on this
 * incident, each with what is known of it, then the client part that checks as it is typed.
 */
export async function CallerSection({ familyId, incidentId, userId }: { familyId: string; incidentId: string; userId: string }) {
  const [t, callers] = await Promise.all([getTranslations("callers"), getIncidentCallers({ familyId, incidentId, userId })]);
  const number = callers.identifiers.find((entry) => entry.identifier.kind === "phone");
  const payments = callers.identifiers.filter((entry) => entry.id !== null);
  const initial = {
    hidden: callers.hidden,
    number: number?.display ?? "",
    numberView: number ? await checkView(number) : null,
    payments: await Promise.all(payments.map(async (entry) => ({ id: entry.id!, view: await checkView(entry) }))),
  };
  return (
    <section aria-labelledby="caller-title" className="flex flex-col gap-3 rounded-xl border-2 border-gray-300 p-4">
      <h2 id="caller-title" className="text-xl font-bold">
        {t("liveTitle")}
      </h2>
      <IncidentCallers familyId={familyId} incidentId={incidentId} initial={initial} />
    </section>
  );
}
