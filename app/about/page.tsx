import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/public-shell";

// Rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new on every page.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("about");
  return { title: t("title"), description: t("description") };
}

export default function AboutPage() {
  const t = useTranslations("about");
  return (
    <PublicShell>
      <article className="stack">
        <h1>{t("heading")}</h1>
        <p>{t("crying")}</p>
        <p>{t("sharedPlan")}</p>
        <h2>{t("daysHeading")}</h2>
        <p>{t("days")}</p>
        <h2>{t("notHeading")}</h2>
        <p>{t("notMedical")}</p>
        <p>
          <Link href="/">{t("back")}</Link>
        </p>
      </article>
    </PublicShell>
  );
}
