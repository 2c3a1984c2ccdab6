import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { PublicShell } from "@/components/public-shell";
import { BalanceIcon, HeartIcon, MoonIcon } from "@/components/ui/icons";

export default async function Home() {
  if (await currentActor()) redirect("/tonight");
  const t = await getTranslations("home");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <PublicShell aside={<Link href="/sign-in">{t("signIn")}</Link>}>
      <div className="hero">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <div className="cluster" style={{ marginTop: "1.25rem" }}>
          <Link href="/sign-up" className="button">
            {t("createAccount")}
          </Link>
          <Link href="/sign-in" className="button button-secondary">
            {t("haveAccount")}
          </Link>
        </div>
      </div>
      <ul className="list feature-list" style={{ marginTop: "2rem" }} aria-label={t("features.label")}>
        <li>
          <MoonIcon />
          <span>{t.rich("features.nights", { strong })}</span>
        </li>
        <li>
          <BalanceIcon />
          <span>{t.rich("features.balance", { strong })}</span>
        </li>
        <li>
          <HeartIcon />
          <span>{t.rich("features.days", { strong })}</span>
        </li>
      </ul>
    </PublicShell>
  );
}
