import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { checkActionBody } from "@/lib/action-body";

const signedInOnly = [/^\/family(\/|$)/, /^\/onboarding$/, /^\/simulator$/, /^\/account$/];

/** A strict policy with a fresh nonce per page: Next puts it on its own scripts. */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js) and the manifest: 'strict-dynamic' above ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Optimistic only: sends visitors without a session cookie to sign in. Every page, action
// and route handler still checks the session and the family itself.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (request.method === "POST") {
    // Server actions and forms: a capped, well-formed body, or a short refusal (never a 500).
    const verdict = await checkActionBody(request.clone());
    if (!verdict.ok) {
      console.warn(`Refused a POST to ${pathname.slice(0, 200)}: ${verdict.reason} (${verdict.status})`);
      return new NextResponse(verdict.status === 413 ? "Payload too large" : "Bad request", {
        status: verdict.status,
        headers: { "content-type": "text/plain" },
      });
    }
  }
  if (signedInOnly.some((pattern) => pattern.test(pathname)) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", pathname);
    return NextResponse.redirect(signIn);
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not static files, not the machine-facing API.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
