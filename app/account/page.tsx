import { getTranslations } from "next-intl/server";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { requireSession } from "@/lib/server/auth/session";
import { accountDeletionPlan } from "@/lib/server/family/members";

export default async function AccountPage() {
  const session = await requireSession("/account");
  const [plan, t] = await Promise.all([accountDeletionPlan({ userId: session.user.id }), getTranslations("account")]);
  const erased = plan.filter((entry) => entry.outcome === "erased").map((entry) => entry.familyName);
  const blocked = plan.filter((entry) => entry.outcome === "handOverFirst");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>
        {session.user.name} · {session.user.email}
      </p>
      <section aria-labelledby="delete-account-title" className="flex flex-col gap-3 rounded-xl border-2 border-danger-700 p-4">
        <h2 id="delete-account-title" className="text-xl font-bold">
          {t("deleteTitle")}
        </h2>
        <p>{t("deleteLead")}</p>
        {blocked.length > 0 ? (
          <>
            <p role="alert" className="font-semibold">
              {t("handOverFirst", { families: blocked.map((entry) => entry.familyName).join(", ") })}
            </p>
            <ul className="flex flex-col gap-1">
              {blocked.map((entry) => (
                <li key={entry.familyId}>
                  <a href={`/family/${entry.familyId}`} className="font-semibold text-brand-800 underline">
                    {entry.familyName}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            {erased.length > 0 && <p className="font-semibold">{t("erasedWith", { families: erased.join(", ") })}</p>}
            <DeleteAccountForm />
          </>
        )}
      </section>
    </div>
  );
}
