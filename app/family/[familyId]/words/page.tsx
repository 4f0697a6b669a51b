import { getFormatter, getTranslations } from "next-intl/server";
import { CheckWordForm, SecretWordsForm } from "@/components/plan/secret-words-forms";
import { requireSession } from "@/lib/server/auth/session";
import { editorRoles, requireMembership } from "@/lib/server/family/require-membership";
import { notFoundOnMissing } from "@/lib/server/not-found";
import { getSecretWordsStatus } from "@/lib/server/secret-words/secret-words";

export default async function WordsPage({ params }: PageProps<"/family/[familyId]/words">) {
  const { familyId } = await params;
  const session = await requireSession(`/family/${familyId}/words`);
  const scope = { familyId, userId: session.user.id };
  const [membership, status] = await Promise.all([requireMembership(scope), getSecretWordsStatus(scope)]).catch(notFoundOnMissing);
  const [t, plan, format] = await Promise.all([getTranslations("words"), getTranslations("plan"), getFormatter()]);
  const canEdit = editorRoles.includes(membership.role);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      {status ? (
        <section className="flex flex-col gap-2 rounded-xl border-2 border-gray-200 p-4">
          <p>{t("status", { safe: date(status.safeWordChangedAt), duress: date(status.duressWordChangedAt) })}</p>
          {(status.safeWordDue || status.duressWordDue) && <p className="font-semibold text-danger-700">⚠ {plan("wordsDue")}</p>}
          <p>{t("neverShown")}</p>
        </section>
      ) : (
        <p className="font-semibold text-danger-700">⚠ {plan("wordsMissing")}</p>
      )}
      {canEdit && <SecretWordsForm familyId={familyId} replacing={status !== null} />}
      {!canEdit && <p>{plan("readOnly")}</p>}
      {status && <CheckWordForm familyId={familyId} />}
    </div>
  );
}
