import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHistory } from "@/lib/connect/history";
import { ConnectTabs } from "@/components/connect/nav";
import { MomentsSummary } from "@/components/connect/moments";
import { StatusMark } from "@/components/connect/week-view";
import styles from "@/components/connect/connect.module.css";
import { loadHousehold } from "@/lib/household/current";
import { relativeDay, clockIn } from "@/lib/format";

export const metadata: Metadata = { title: "Connection history" };

export default async function HistoryPage() {
  await requireMemberOrRedirect("/connect/history");
  const { actor, membership } = await loadHousehold();
  const history = await getHistory(actor, { householdId: membership.householdId });
  const tz = history.timeZone;
  const oldestFirst = [...history.days].reverse();
  return (
    <div className="page">
      <div className="page-header">
        <h1>Connect</h1>
        <p>What you did together, day by day. Every moment counts, and every day is a new chance.</p>
      </div>
      <ConnectTabs current="history" />
      <section className="card" aria-labelledby="count-heading">
        <h2 id="count-heading">The last two weeks</h2>
        <MomentsSummary moments={history.count} link={false} />
        <ul className={styles.dots} aria-hidden="true">
          {oldestFirst.map((d) => (
            <li key={d.date} className={styles.dot} data-with={d.moments.some((m) => m.status === "done")} />
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="days-heading">
        <h2 id="days-heading">Day by day</h2>
        {history.days.some((d) => d.moments.length) ? null : (
          <p className="empty-state" data-testid="history-empty">
            No moments in the last two weeks yet. Every day is a new chance: a song, a cuddle, a walk.
          </p>
        )}
        <ul className="list" data-testid="history-days">
          {history.days
            .filter((d) => d.moments.length)
            .map((d) => (
              <li key={d.date}>
                <h3 className={styles.itemName}>{relativeDay(d.date, history.today)}</h3>
                <ul className={styles.weekItems}>
                  {d.moments.map((m, i) => (
                    <li key={i}>
                      <StatusMark status={m.status === "done" ? "done" : "skipped"} />
                      <span>
                        {m.activityName}
                        <span className="muted small">
                          {" "}
                          · {m.status === "done" ? `${m.byName ?? "someone"} at ${clockIn(m.at, tz)}` : "skipped"}
                          {m.note ? ` · “${m.note}”` : ""}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
