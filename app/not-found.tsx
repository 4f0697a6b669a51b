import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      <Link href="/" className="text-lg font-semibold text-brand-800 underline">
        {t("home")}
      </Link>
    </section>
  );
}
