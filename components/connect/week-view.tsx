import Link from "next/link";
import type { TPlanDay } from "@/lib/connect/read-plan";
import styles from "./connect.module.css";
import { shortDay, weekdayName } from "@/lib/format";

const MARK = { done: "✓", skipped: "–", open: "○" } as const;
const SAID = { done: "done", skipped: "skipped", open: "still to do" } as const;

/** Seven days, each with its moments and how they went; a day opens the day view. */
export function WeekView({ days, today, meId }: { days: TPlanDay[]; today: string; meId: string }) {
  return (
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
                <Link href={`/connect?date=${d.date}`}>
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
                    <span className={styles.mark} aria-hidden="true">
                      {MARK[i.status]}
                    </span>
                    <span>
                      {i.activityName}
                      <span className="muted small">
                        {" "}
                        · {i.assigneeId ? (i.assigneeId === meId ? "you" : i.assigneeName) : "either"}
                      </span>
                      <span className="sr-only"> ({SAID[i.status]})</span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small muted">Nothing planned. A cuddle still counts.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
