import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getLibrary } from "@/lib/connect/activities";
import { canEditLibrary } from "@/lib/connect/rights";
import { ConnectTabs } from "@/components/connect/nav";
import { AddActivity, LibraryList } from "@/components/connect/library";
import styles from "@/components/connect/connect.module.css";
import { loadHousehold } from "@/lib/household/current";
import { requestNow } from "@/lib/clock";
import { localDateOf } from "@/lib/time/local-date";

export const metadata: Metadata = { title: "Connection library" };

export default async function LibraryPage() {
  await requireMemberOrRedirect("/connect/library");
  const { actor, membership, overview } = await loadHousehold();
  const activities = await getLibrary(actor, { householdId: membership.householdId });
  const today = localDateOf(await requestNow(), overview.household.timeZone);
  const canEdit = canEditLibrary(membership);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Connect</h1>
        <p>Ideas for small moments with your baby, each with why it matters.</p>
      </div>
      <ConnectTabs current="library" />
      <section className="card" aria-labelledby="library-heading">
        <h2 id="library-heading">The library</h2>
        {!canEdit ? <p className="small muted">Parents look after the library; you can plan any of these.</p> : null}
        <LibraryList householdId={membership.householdId} activities={activities} me={membership} today={today} />
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="own-heading">
          <h2 id="own-heading">Add your own</h2>
          <p>
            Something that works for your family: bath time together, a song only you sing, a walk to see the ducks.
          </p>
          <details className={styles.own}>
            <summary className="button button-secondary">Add an activity</summary>
            <AddActivity householdId={membership.householdId} />
          </details>
        </section>
      ) : null}
    </div>
  );
}
