import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSession } from "@/lib/server/auth/session";
import { nextPathSchema } from "@/lib/validation/auth";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = nextPathSchema.parse((await searchParams).next ?? "/");
  if (await getSession()) redirect(next);
  const [t, common] = await Promise.all([getTranslations("signIn"), getTranslations("common")]);
  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <SignInForm next={next} />
      <p className="text-lg">
        {t("noAccount")}{" "}
        <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="font-semibold text-brand-800 underline">
          {common("signUp")}
        </Link>
      </p>
    </section>
  );
}
