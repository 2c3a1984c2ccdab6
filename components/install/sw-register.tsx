"use client";

import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { rememberShownLocale } from "@/lib/i18n/browser-locale";

/**
 * Registers the service worker (app/sw.ts, served at /serwist/sw.js) once the
 * page has loaded. The root layout renders this only in production and only
 * when ATTUNE_DISABLE_SW is not "1".
 */
export function ServiceWorkerRegister() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const register = () => {
      navigator.serviceWorker
        .register("/serwist/sw.js", { scope: "/", type: "module", updateViaCache: "none" })
        .catch((error: unknown) => console.warn("Attune: the service worker did not register.", error));
    };
    if (document.readyState === "complete") register();
    else {
      window.addEventListener("load", register, { once: true });
      return () => window.removeEventListener("load", register);
    }
  }, []);

  const pathname = usePathname();
  // The language of each page shown, for the offline page the service worker keeps: rendered
  // once, it shows the language this phone last showed Attune in (lib/i18n/browser-locale.ts).
  useEffect(() => rememberShownLocale(document.documentElement.lang), [pathname]);

  // Signing out lands on the sign-in page (often by a client-side navigation): the
  // cached Tonight (the household's names, tonight's log) must not outlive the session.
  useEffect(() => {
    if (pathname !== "/sign-in" || !("serviceWorker" in navigator)) return;
    void navigator.serviceWorker.getRegistration("/").then((reg) => {
      reg?.active?.postMessage({ type: "attune-forget-tonight" });
    });
  }, [pathname]);
  return null;
}
