// The offline fallback page, one per language, rendered to static HTML at build time and kept by
// the service worker when it installs (public/sw.js, decision 012). Nothing private is on it.
import { notFound } from "next/navigation";
import { isAppLocale, locales } from "@/lib/i18n/config";
import { offlinePage } from "@/lib/offline/offline-page";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<"/offline/[locale]">) {
  const { locale } = await params;
  if (!isAppLocale(locale)) notFound();
  return new Response(offlinePage(locale), { headers: { "content-type": "text/html; charset=utf-8" } });
}
