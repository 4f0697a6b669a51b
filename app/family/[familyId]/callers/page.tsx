import { getFormatter, getTranslations } from "next-intl/server";
import { NumberCheck } from "@/components/callers/number-check";
import { requireSession } from "@/lib/server/auth/session";
import { listFamilyReports } from "@/lib/server/callers/report-identifier";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { setSharingAction, withdrawReportFormAction } from "./actions";

/**
 * "Check a number", without an incident: an adult who hung up on a suspicious call pastes the
 * number, sees what is known of it and can report it; the family's own reports, to withdraw.
 */
export default async function CheckNumberPage({ params }: PageProps<"/family/[familyId]/callers">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/callers`);
  const scope = { familyId, userId: session.user.id };
  const { family, role } = await requireMembership(scope).catch(notFoundOnMissing);
  const [t, format, reports] = await Promise.all([getTranslations("callers"), getFormatter(), listFamilyReports(scope)]);
  const withdraw = withdrawReportFormAction.bind(null, family.id);
  const share = setSharingAction.bind(null, family.id);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("lead")}</p>
      </div>
      <NumberCheck familyId={family.id} />

      <section aria-labelledby="reports-title" className="flex flex-col gap-3">
        <h2 id="reports-title" className="text-xl font-bold">
          {t("yourReports")}
        </h2>
        {reports.length === 0 ? (
          <p>{t("yourReportsEmpty")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="family-reports">
            {reports.map((report) => (
              <li key={report.hash} className="flex flex-wrap items-center justify-between gap-2 rounded-xl border-2 border-gray-300 p-3">
                <span>
                  {t("yourReportItem", {
                    kind: t(`kindShort.${report.kind}`),
                    date: format.dateTime(report.reportedAt, { dateStyle: "medium" }),
                  })}
                  {report.display && (
                    <>
                      {" "}
                      · <bdi className="font-mono">{report.display}</bdi>
                    </>
                  )}
                  {report.fromIncident && <> · {t("fromIncident")}</>}
                </span>
                <form action={withdraw}>
                  <input type="hidden" name="hash" value={report.hash} />
                  <button type="submit" className="min-h-11 rounded-lg border-2 border-gray-900 px-3 font-semibold">
                    {t("withdraw")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="share-title" className="flex flex-col gap-3">
        <h2 id="share-title" className="text-xl font-bold">
          {t("shareTitle")}
        </h2>
        <p>{family.shareCallerReports ? t("shareOn") : t("shareOff")}</p>
        {editorRoles.includes(role) && (
          <form action={share}>
            {!family.shareCallerReports && <input type="hidden" name="share" value="on" />}
            <button type="submit" className="min-h-11 rounded-lg border-2 border-gray-900 px-3 font-semibold">
              {family.shareCallerReports ? t("shareTurnOff") : t("shareTurnOn")}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
