import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getLibrary } from "@/lib/connect/activities";
import { canEditLibrary } from "@/lib/connect/rights";
import { ConnectTabs } from "@/components/connect/nav";
import { AddActivity, LibraryList } from "@/components/connect/library";
import styles from "@/components/connect/connect.module.css";
import { loadHousehold } from "@/lib/household/current";
import { requestNow } from "@/lib/clock";
import { localDateOf } from "@/lib/time/local-date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("connect.libraryPage");
  return { title: t("title") };
}

export default async function LibraryPage() {
  await requireMemberOrRedirect("/connect/library");
  const t = await getTranslations("connect");
  const { actor, membership, overview } = await loadHousehold();
  const activities = await getLibrary(actor, { householdId: membership.householdId });
  const today = localDateOf(await requestNow(), overview.household.timeZone);
  const canEdit = canEditLibrary(membership);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("page.title")}</h1>
        <p>{t("libraryPage.intro")}</p>
      </div>
      <ConnectTabs current="library" />
      <section className="card" aria-labelledby="library-heading">
        <h2 id="library-heading">{t("libraryPage.heading")}</h2>
        {!canEdit ? <p className="small muted">{t("libraryPage.helperNote")}</p> : null}
        <LibraryList householdId={membership.householdId} activities={activities} me={membership} today={today} />
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="own-heading">
          <h2 id="own-heading">{t("libraryPage.ownHeading")}</h2>
          <p>{t("libraryPage.ownIntro")}</p>
          <details className={styles.own}>
            <summary className="button button-secondary">{t("libraryPage.addActivity")}</summary>
            <AddActivity householdId={membership.householdId} />
          </details>
        </section>
      ) : null}
    </div>
  );
}
