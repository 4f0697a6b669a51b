"use server";
// The language switch and signing out: plain forms anyone may submit (publicFormAction).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { isAppLocale, localeCookie } from "@/lib/i18n/config";
import { publicFormAction } from "@/lib/server/actions/action-builders";

export const setLocaleAction = publicFormAction(async (formData) => {
  const locale = formData.get("locale");
  if (!isAppLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
});

export const signOutAction = publicFormAction(async () => {
  await auth.api.signOut({ headers: await headers() });
  redirect("/");
});
