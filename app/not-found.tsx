import Link from "next/link";
import { useTranslations } from "next-intl";
import { PublicShell } from "@/components/public-shell";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <PublicShell narrow>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p className="cluster">
        <Link href="/tonight" className="button">
          {t("goToTonight")}
        </Link>
        <Link href="/" className="button button-secondary">
          {t("home")}
        </Link>
      </p>
    </PublicShell>
  );
}
