import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/server/auth/session";
import { nextPathSchema } from "@/lib/validation/auth";
import { SignUpForm } from "./sign-up-form";

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const next = nextPathSchema.parse((await searchParams).next ?? "/");
  if (await getSession()) redirect(next);
  const [t, common] = await Promise.all([getTranslations("signUp"), getTranslations("common")]);
  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {next.startsWith("/invite/") && <p className="text-lg">{t("joiningFamily")}</p>}
      <SignUpForm next={next} />
      <p className="text-lg">
        {t("haveAccount")}{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-semibold text-brand-800 underline">
          {common("signIn")}
        </Link>
      </p>
    </section>
  );
}
