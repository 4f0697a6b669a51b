import { getTranslations } from "next-intl/server";
import { requireSession } from "@/lib/server/auth/session";
import { CreateFamilyForm } from "./create-family-form";

export default async function OnboardingPage() {
  await requireSession("/onboarding");
  const t = await getTranslations("onboarding");
  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      <CreateFamilyForm />
    </section>
  );
}
