import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TWakingView } from "@/lib/log/read-log";
import { helpedLabel } from "@/lib/log/helped";
import styles from "@/components/log/log.module.css";
import { minutesBetween } from "@/lib/format";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";

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
  const t = useTranslations("log.item");
  const f = useFormat();
  const text = useText();
  const isMe = w.responderId === meId ? "yes" : "no";
  const responded = w.cryingAt ? minutesBetween(w.cryingAt, w.startedAt) : null;
  // A name, or "a former caregiver" as a message reference (lib/household/caregiver-name.ts).
  const name = text(w.responderName);
  return (
    <>
      <span className={styles.itemHead}>
        <span className={styles.itemTimes}>
          <time dateTime={w.startedAt}>{f.clockIn(w.startedAt, timeZone)}</time>
          {w.endedAt ? (
            <>
              <span aria-hidden="true">–</span>
              <span className="sr-only"> {t("to")} </span>
              <time dateTime={w.endedAt}>{f.clockIn(w.endedAt, timeZone)}</time>
            </>
          ) : null}
        </span>
        <span className={styles.itemDuration}>
          {w.endedAt ? f.minutesText(minutesBetween(w.startedAt, w.endedAt)) : t("stillUp")}
        </span>
      </span>
      <span className={styles.itemWho}>
        {showBaby ? t("whoWithBaby", { isMe, name, baby: w.babyName }) : t("who", { isMe, name })}
        {responded !== null ? (
          <span className="muted">
            {" "}
            · {responded < 1 ? t("respondedAtOnce") : t("respondedAfter", { duration: f.minutesText(responded) })}
          </span>
        ) : null}
      </span>
      {w.helped.length ? (
        <span className={styles.itemHelped}>
          <span className="sr-only">{t("whatHelped")} </span>
          {w.helped.map((h) => (
            <span key={h} className={styles.helpedChip}>
              {text(helpedLabel(h))}
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
