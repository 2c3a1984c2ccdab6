import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MoonIcon } from "@/components/ui/icons";
import type { TAnyLocale } from "@/lib/i18n/locales";
import { KEPT_PAGE_ATTRIBUTE } from "@/lib/i18n/browser-locale";
import { OfflineCard } from "./offline-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("offlinePage");
  return { title: t("title") };
}

// Precached by the service worker (app/sw.ts) and shown for any page that was
// never loaded on this phone while the connection is down. No data; rendered
// per request only for the Content-Security-Policy's nonce (proxy.ts). Kept
// once, it carries its words in every language and shows the reader's
// (app/~offline/offline-card.tsx).
export const dynamic = "force-dynamic";

export default async function OfflinePage() {
  const locale = (await getLocale()) as TAnyLocale;
  return (
    <main
      id="main"
      className="page"
      style={{ maxWidth: "32rem", margin: "0 auto", padding: "2rem 1rem" }}
      {...{ [KEPT_PAGE_ATTRIBUTE]: "" }}
    >
      <OfflineCard serverLocale={locale} icon={<MoonIcon size={18} />} />
    </main>
  );
}
