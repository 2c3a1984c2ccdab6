import Link from "next/link";
import type { TPlanDay } from "@/lib/connect/read-plan";
import styles from "./connect.module.css";
import { shortDay, weekdayName } from "@/lib/format";

/** The mark before a moment, and its accessible name: "Done" is the one verb for finishing a moment. */
export const MARK = { done: "✓", skipped: "–", open: "○" } as const;
export const SAID = { done: "Done", skipped: "Skipped", open: "Still to do" } as const;

/** ✓ / – / ○ with "Done" / "Skipped" / "Still to do" as its name. */
export function StatusMark({ status }: { status: keyof typeof MARK }) {
  return (
    <span className={styles.mark} role="img" aria-label={SAID[status]}>
      {MARK[status]}
    </span>
  );
}

/**
 * Seven days, each with its moments and how they went; a day opens the day
 * view. A week with nothing planned says so once, not once a day.
 */
export function WeekView({ days, today, meId }: { days: TPlanDay[]; today: string; meId: string }) {
  const empty = days.every((d) => !d.items.length);
  return (
    <>
      {empty ? (
        <p className="empty-state" data-testid="week-empty">
          Nothing planned this week. A cuddle still counts; open a day to plan a moment.
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
                    {d.date === today ? "Today, " : ""}
                    {shortDay(d.date)}
                    <span className="sr-only"> ({weekdayName(d.date)})</span>
                  </Link>
                </h3>
                {d.items.length ? (
                  <span className="small muted">
                    {done} of {d.items.length} done
                  </span>
                ) : null}
              </div>
              {d.items.length ? (
                <ul className={styles.weekItems}>
                  {d.items.map((i) => (
                    <li key={i.id} data-testid="week-item" data-status={i.status}>
                      <StatusMark status={i.status} />
                      <span>
                        {i.activityName}
                        <span className="muted small">
                          {" "}
                          · {i.assigneeId ? (i.assigneeId === meId ? "you" : i.assigneeName) : "either"}
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
