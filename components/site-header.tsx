import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction, signOutAction } from "@/app/actions/preferences";
import { locales } from "@/lib/i18n/config";
import { getSession } from "@/lib/server/auth/session";
import { listUserFamilies } from "@/lib/server/family/list-user-families";

export async function SiteHeader() {
  const [t, incident, locale, session] = await Promise.all([getTranslations("common"), getTranslations("incident"), getLocale(), getSession()]);
  const families = session ? await listUserFamilies({ userId: session.user.id }) : [];
  return (
    <header className="no-print border-b-2 border-gray-200">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-brand-800">
          {t("appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <form action={setLocaleAction} aria-label={t("language")} className="flex gap-1">
            {locales.map((code) => (
              <button
                key={code}
                type="submit"
                name="locale"
                value={code}
                lang={code}
                aria-pressed={code === locale}
                className="min-h-11 rounded-lg px-3 text-base font-semibold aria-pressed:bg-gray-900 aria-pressed:text-white"
              >
                {t(`languageName.${code}`)}
              </button>
            ))}
          </form>
          {session && (
            <Link href="/account" className="flex min-h-11 items-center rounded-lg px-3 text-base font-semibold underline">
              {t("account")}
            </Link>
          )}
          {session && (
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-lg border-2 border-gray-700 px-3 text-base font-semibold">
                {t("signOut")}
              </button>
            </form>
          )}
        </div>
      </div>
      {families.length > 0 && (
        // One control per family the adult belongs to: each opens that family's people directly.
        <div className="mx-auto flex max-w-3xl flex-col gap-2 px-4 pb-3">
          {families.map(({ family }) => (
            <Link
              key={family.id}
              href={`/family/${family.id}/incidents/new`}
              className="flex min-h-14 items-center justify-center rounded-xl bg-danger-700 px-4 py-2 text-center text-xl leading-tight font-bold text-balance text-white"
            >
              {families.length > 1 ? incident("startButtonFor", { family: family.name }) : incident("startButton")}
            </Link>
          ))}
        </div>
      )}
    </header>
  );
}
