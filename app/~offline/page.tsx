import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { MoonIcon } from "@/components/ui/icons";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("offlinePage");
  return { title: t("title") };
}

// Precached by the service worker (app/sw.ts) and shown for any page that was
// never loaded on this phone while the connection is down. No data; rendered
// per request only for the Content-Security-Policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default function OfflinePage() {
  const t = useTranslations("offlinePage");
  return (
    <main id="main" className="page" style={{ maxWidth: "32rem", margin: "0 auto", padding: "2rem 1rem" }}>
      <section className="card" aria-labelledby="offline-heading" data-testid="offline-page">
        <span className="eyebrow">
          <MoonIcon size={18} /> {t("eyebrow")}
        </span>
        <h1 id="offline-heading">{t("heading")}</h1>
        <p>{t("body")}</p>
        <p>
          <a href="/tonight" className="button">
            {t("openTonight")}
          </a>
        </p>
      </section>
    </main>
  );
}
