import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction, signOutAction } from "@/app/actions/preferences";
import { locales } from "@/lib/i18n/config";
import { getSession } from "@/lib/server/auth/session";
import { listUserFamilies } from "@/lib/server/family/list-user-families";
import { VerifyControls } from "./verify-controls";

export async function SiteHeader() {
  const [t, incident, locale, session] = await Promise.all([
    getTranslations("common"),
    getTranslations("incident"),
    getLocale(),
    getSession(),
  ]);
  const families = session ? await listUserFamilies({ userId: session.user.id }) : [];
  return (
    <header className="no-print border-b-2 border-gray-200">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-brand-800">
          {t("appName")}
        </Link>
        {/* On a phone the adult's tools fold into a menu: the verdict and the verify control come first. */}
        <details className="group relative sm:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center rounded-lg border-2 border-gray-700 px-3 text-base font-semibold">
            {t("menu")}
          </summary>
          <div className="absolute right-0 z-10 mt-2 flex w-64 flex-col gap-2 rounded-xl border-2 border-gray-300 bg-white p-3 shadow-lg">
            <HeaderTools locale={locale} signedIn={!!session} />
          </div>
        </details>
        <div className="hidden flex-wrap items-center gap-3 sm:flex">
          <HeaderTools locale={locale} signedIn={!!session} />
        </div>
      </div>
      {families.length > 0 && (
        <VerifyControls
          controls={families.map(({ family }) => ({
            href: `/family/${family.id}/incidents/new`,
            label: families.length > 1 ? incident("startButtonFor", { family: family.name }) : incident("startButton"),
          }))}
        />
      )}
    </header>
  );
}

/** Language, account and signing out: in the header on a wide screen, in the menu on a phone. */
async function HeaderTools({ locale, signedIn }: { locale: string; signedIn: boolean }) {
  const t = await getTranslations("common");
  return (
    <>
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
      {signedIn && (
        <Link href="/account" className="flex min-h-11 items-center rounded-lg px-3 text-base font-semibold underline">
          {t("account")}
        </Link>
      )}
      {signedIn && (
        <form action={signOutAction} data-sign-out>
          <button type="submit" className="min-h-11 rounded-lg border-2 border-gray-700 px-3 text-base font-semibold">
            {t("signOut")}
          </button>
        </form>
      )}
    </>
  );
}
