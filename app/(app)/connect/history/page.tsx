import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHistory } from "@/lib/connect/history";
import { ConnectTabs } from "@/components/connect/nav";
import { MomentsSummary } from "@/components/connect/moments";
import { StatusMark } from "@/components/connect/week-view";
import styles from "@/components/connect/connect.module.css";
import { loadHousehold } from "@/lib/household/current";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("connect.history");
  return { title: t("title") };
}

export default async function HistoryPage() {
  await requireMemberOrRedirect("/connect/history");
  const [t, f, text] = await Promise.all([getTranslations("connect"), getFormat(), getText()]);
  const { actor, membership } = await loadHousehold();
  const history = await getHistory(actor, { householdId: membership.householdId });
  const tz = history.timeZone;
  const oldestFirst = [...history.days].reverse();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("page.title")}</h1>
        <p>{t("history.intro")}</p>
      </div>
      <ConnectTabs current="history" />
      <section className="card" aria-labelledby="count-heading">
        <h2 id="count-heading">{t("history.lastTwoWeeks")}</h2>
        <MomentsSummary moments={history.count} link={false} />
        <ul className={styles.dots} aria-hidden="true">
          {oldestFirst.map((d) => (
            <li key={d.date} className={styles.dot} data-with={d.moments.some((m) => m.status === "done")} />
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="days-heading">
        <h2 id="days-heading">{t("history.dayByDay")}</h2>
        {history.days.some((d) => d.moments.length) ? null : (
          <p className="empty-state" data-testid="history-empty">
            {t("history.empty")}
          </p>
        )}
        <ul className="list" data-testid="history-days">
          {history.days
            .filter((d) => d.moments.length)
            .map((d) => (
              <li key={d.date}>
                <h3 className={styles.itemName}>{f.relativeDay(d.date, history.today)}</h3>
                <ul className={styles.weekItems}>
                  {d.moments.map((m, i) => (
                    <li key={i}>
                      <StatusMark status={m.status === "done" ? "done" : "skipped"} />
                      <span>
                        {text(m.activityName)}
                        <span className="muted small">
                          {" "}
                          ·{" "}
                          {m.status === "done"
                            ? m.byName
                              ? t("history.doneAt", { name: text(m.byName), time: f.clockIn(m.at, tz) })
                              : t("history.someoneAt", { time: f.clockIn(m.at, tz) })
                            : t("history.skipped")}
                          {m.note ? ` · ${t("quotedNote", { note: text(m.note) })}` : ""}
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
