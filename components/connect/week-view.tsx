import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { TPlanDay } from "@/lib/connect/read-plan";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import styles from "./connect.module.css";

/** The mark before a moment; its accessible name is connect.status.<status> ("Done" is the one verb for finishing a moment). */
export const MARK = { done: "✓", skipped: "–", open: "○" } as const;

/** ✓ / – / ○ with "Done" / "Skipped" / "Still to do" as its name. */
export function StatusMark({ status }: { status: keyof typeof MARK }) {
  const t = useTranslations("connect.status");
  return (
    <span className={styles.mark} role="img" aria-label={t(status)}>
      {MARK[status]}
    </span>
  );
}

/**
 * Seven days, each with its moments and how they went; a day opens the day
 * view. A week with nothing planned says so once, not once a day.
 */
export async function WeekView({ days, today, meId }: { days: TPlanDay[]; today: string; meId: string }) {
  const [t, f, text] = await Promise.all([getTranslations("connect.week"), getFormat(), getText()]);
  const empty = days.every((d) => !d.items.length);
  return (
    <>
      {empty ? (
        <p className="empty-state" data-testid="week-empty">
          {t("empty")}
        </p>
      ) : null}
      <ol className={styles.week} data-testid="week">
        {days.map((d) => {
          const done = d.items.filter((i) => i.status === "done").length;
          return (
            <li
              key={d.date}
              className={styles.weekDay}
              data-today={d.date === today}
              data-testid="week-day"
              data-date={d.date}
            >
              <div className={styles.weekDayHead}>
                <h3 className={styles.itemName}>
                  <Link href={`/connect?date=${d.date}`} prefetch={false}>
                    {d.date === today ? t("today", { day: f.shortDay(d.date) }) : f.shortDay(d.date)}
                    <span className="sr-only"> ({f.weekdayName(d.date)})</span>
                  </Link>
                </h3>
                {d.items.length ? (
                  <span className="small muted">{t("doneOf", { done, total: d.items.length })}</span>
                ) : null}
              </div>
              {d.items.length ? (
                <ul className={styles.weekItems}>
                  {d.items.map((i) => (
                    <li key={i.id} data-testid="week-item" data-status={i.status}>
                      <StatusMark status={i.status} />
                      <span>
                        {text(i.activityName)}
                        <span className="muted small">
                          {" "}
                          · {i.assigneeId ? (i.assigneeId === meId ? t("you") : i.assigneeName) : t("either")}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
