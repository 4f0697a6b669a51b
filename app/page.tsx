import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/server/auth/session";
import { listUserFamilies } from "@/lib/server/family/list-user-families";

export default async function HomePage() {
  const session = await getSession();
  if (session) {
    const [first] = await listUserFamilies({ userId: session.user.id });
    redirect(first ? `/family/${first.family.id}` : "/onboarding");
  }
  const t = await getTranslations("home");
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold leading-tight">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      <ul className="flex list-disc flex-col gap-2 pl-6 text-lg">
        <li>{t("pointPlan")}</li>
        <li>{t("pointCall")}</li>
        <li>{t("pointSms")}</li>
      </ul>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link
          href="/sign-up"
          className="flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white"
        >
          {t("getStarted")}
        </Link>
        <Link
          href="/sign-in"
          className="flex min-h-12 items-center justify-center rounded-lg border-2 border-brand-700 px-5 text-lg font-semibold text-brand-800"
        >
          {t("haveAccount")}
        </Link>
      </div>
    </section>
  );
}
