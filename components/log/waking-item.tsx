import type { ReactNode } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import { helpedLabel } from "@/lib/log/helped";
import styles from "@/components/log/log.module.css";
import { clockIn, minutesBetween, minutesText } from "@/lib/format";

/** What a waking says in a list: when, how long, who got up, what helped, the note. */
export function WakingLines({
  waking: w,
  timeZone,
  meId,
  showBaby,
}: {
  waking: TWakingView;
  timeZone: string;
  meId: string;
  showBaby: boolean;
}) {
  const responded = w.cryingAt ? minutesBetween(w.cryingAt, w.startedAt) : null;
  return (
    <>
      <span className={styles.itemHead}>
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
      </span>
      <span className={styles.itemWho}>
        {w.responderId === meId ? "You" : w.responderName}
        {showBaby ? <> with {w.babyName}</> : null}
        {responded !== null ? (
          <span className="muted"> · responded {responded < 1 ? "at once" : `after ${minutesText(responded)}`}</span>
        ) : null}
      </span>
      {w.helped.length ? (
        <span className={styles.itemHelped}>
          <span className="sr-only">What helped: </span>
          {w.helped.map((h) => (
            <span key={h} className={styles.helpedChip}>
              {helpedLabel(h)}
            </span>
          ))}
        </span>
      ) : null}
      {w.note ? <span className={styles.itemNote}>{w.note}</span> : null}
    </>
  );
}

/**
 * One waking in a list. Server-rendered; `actions` (tap to change, ⋯ to
 * remove) come from the caller, and then hold the lines themselves.
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
  actions?: (lines: ReactNode) => ReactNode;
}) {
  const lines = <WakingLines waking={waking} timeZone={timeZone} meId={meId} showBaby={showBaby} />;
  return (
    <li className={styles.item} data-testid="log-item" data-waking-id={waking.id}>
      {actions ? actions(lines) : <span className={styles.itemLines}>{lines}</span>}
    </li>
  );
}
