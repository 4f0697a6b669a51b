import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/app-error";
import { getSession } from "@/lib/server/auth/session";
import { findUsableInvite } from "@/lib/server/invite/find-invite";
import { AcceptInviteForm } from "./accept-invite-form";

const linkButton = "flex min-h-12 items-center justify-center rounded-lg px-5 text-lg font-semibold";

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [t, errors, session] = await Promise.all([getTranslations("invite"), getTranslations("errors"), getSession()]);
  const invite = await findUsableInvite({ token }).catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });

  if (isAppError(invite)) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">{t("unusableTitle")}</h1>
        <p role="alert" className="text-lg font-medium text-danger-700">
          {errors(invite.messageKey)}
        </p>
        <p className="text-lg">{t("askForNew")}</p>
        <Link href="/" className="text-lg font-semibold text-brand-800 underline">
          {t("goHome")}
        </Link>
      </section>
    );
  }

  const next = encodeURIComponent(`/invite/${token}`);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title", { family: invite.family.name })}</h1>
      <p className="text-lg">{t("lead", { inviter: invite.createdBy.name })}</p>
      {session ? (
        <AcceptInviteForm token={token} />
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href={`/sign-up?next=${next}`} className={`${linkButton} bg-brand-700 text-white`}>
            {t("signUpToJoin")}
          </Link>
          <Link href={`/sign-in?next=${next}`} className={`${linkButton} border-2 border-brand-700 text-brand-800`}>
            {t("signInToJoin")}
          </Link>
        </div>
      )}
    </section>
  );
}
