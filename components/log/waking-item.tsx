import type { ReactNode } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import { helpedLabel } from "@/lib/log/helped";
import styles from "@/components/log/log.module.css";
import { clockIn, minutesBetween, minutesText } from "@/lib/format";

/**
 * One waking in a list: when, how long, who got up, what helped, the note.
 * Server-rendered; `actions` (Change / Remove) come from the caller.
 */
export function WakingItem({
  waking,
  timeZone,
  meId,
  showBaby,
  actions,
}: {
  waking: TWakingView;
  timeZone: string;
  meId: string;
  showBaby: boolean;
  actions?: ReactNode;
}) {
  const w = waking;
  const responded = w.cryingAt ? minutesBetween(w.cryingAt, w.startedAt) : null;
  return (
    <li className={styles.item} data-testid="log-item" data-waking-id={w.id}>
      <div className={styles.itemHead}>
        <span className={styles.itemTimes}>
          <time dateTime={w.startedAt}>{clockIn(w.startedAt, timeZone)}</time>
          {w.endedAt ? (
            <>
              <span aria-hidden="true">–</span>
              <span className="sr-only"> to </span>
              <time dateTime={w.endedAt}>{clockIn(w.endedAt, timeZone)}</time>
            </>
          ) : null}
        </span>
        <span className={styles.itemDuration}>
          {w.endedAt ? minutesText(minutesBetween(w.startedAt, w.endedAt)) : "still up"}
        </span>
      </div>
      <p className={styles.itemWho}>
        {w.responderId === meId ? "You" : w.responderName}
        {showBaby ? <> with {w.babyName}</> : null}
        {responded !== null ? (
          <span className="muted"> · responded {responded < 1 ? "at once" : `after ${minutesText(responded)}`}</span>
        ) : null}
      </p>
      {w.helped.length ? (
        <p className={styles.itemHelped}>
          <span className="sr-only">What helped: </span>
          {w.helped.map((h) => (
            <span key={h} className={styles.helpedChip}>
              {helpedLabel(h)}
            </span>
          ))}
        </p>
      ) : null}
      {w.note ? <p className={styles.itemNote}>{w.note}</p> : null}
      {actions ? <div className={styles.itemActions}>{actions}</div> : null}
    </li>
  );
}
