"use client";
import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { forgetOfflineQueue } from "@/components/incident/offline-queue";

const livePage = /^\/family\/[^/]+\/incidents\/(?!new$)[^/]+$/;
// A page loaded under the worker's control went through it as a navigation, and was kept then.
let keptOnLoad = typeof window !== "undefined" && navigator.serviceWorker?.controller ? location.pathname : null;

/**
 * Registers the service worker (public/sw.js, decision 012) and asks it to keep each live-call
 * page this phone opens, including those reached without a full page load. Signing out drops
 * the kept pages and anything still waiting to be sent. Renders nothing.
 */
export function ServiceWorker() {
  const pathname = usePathname();

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    const signingOut = (event: SubmitEvent) => {
      if (!(event.target instanceof HTMLFormElement) || !event.target.hasAttribute("data-sign-out")) return;
      forgetOfflineQueue();
      navigator.serviceWorker.controller?.postMessage({ type: "forget-pages" });
    };
    document.addEventListener("submit", signingOut, true);
    return () => document.removeEventListener("submit", signingOut, true);
  }, []);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator) || !livePage.test(pathname)) return;
    if (pathname === keptOnLoad) {
      keptOnLoad = null;
      return;
    }
    navigator.serviceWorker.ready.then(
      (registration) => registration.active?.postMessage({ type: "keep-page", path: pathname }),
      () => {},
    );
  }, [pathname]);

  return null;
}
