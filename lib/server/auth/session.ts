import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";

/** The signed-in user's session, read once per request. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));

/** The session, or a redirect to sign in that comes back to `returnTo`. */
export async function requireSession(returnTo?: string) {
  const session = await getSession();
  if (!session) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return session;
}
