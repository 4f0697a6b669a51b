import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isAppLocale, localeCookie, negotiateLocale, type AppLocale } from "./config";

/** The user's choice (cookie set by the language switcher), else the browser's languages. */
export async function resolveRequestLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isAppLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

// A page may ask for another language than the reader's (the plan card is printed in the
// family's language): `getTranslations({ locale })` passes it here, and it must be honoured.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isAppLocale(requested) ? requested : await resolveRequestLocale();
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "America/Mexico_City",
  };
});
