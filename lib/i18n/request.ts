import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isAppLocale, localeCookie, negotiateLocale, type AppLocale } from "./config";

/** The user's choice (cookie set by the language switcher), else the browser's languages. */
export async function resolveRequestLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(localeCookie)?.value;
  if (isAppLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "America/Mexico_City",
  };
});
