"use client";

import type { TPlanItemView } from "@/lib/connect/today";
import { canCheckOffOn } from "@/lib/connect/rights";
import { clockIn, minutesText } from "@/lib/format";
import { CheckIcon } from "@/components/ui/icons";
import { FormError } from "@/components/ui/form-error";
import { checkOffError, DoneButton, HowItWent, RemoveItem, SkipForm, UndoButton, useCheckOff } from "./item-actions";
import { PART_LABEL } from "./format";
import type { TLivePlan } from "./queries";
import styles from "./connect.module.css";

/** Who it is for, said from the reader's side. */
function forWhom(item: TPlanItemView, meId: string): string {
  if (!item.assigneeId) return "Either of you";
  return item.assigneeId === meId ? "You" : (item.assigneeName ?? "Someone");
}

/**
 * One planned moment on one day, with what can be done about it. With `live`
 * (today, held in React Query), ticking off and undoing show at once.
 */
export function PlanItem({
  item,
  householdId,
  meId,
  timeZone,
  today,
  live = null,
  compact = false,
}: {
  item: TPlanItemView;
  householdId: string;
  meId: string;
  timeZone: string;
  today: string;
  live?: TLivePlan | null;
  compact?: boolean;
}) {
  const { done, undo } = useCheckOff(live);
  const r = { householdId, planItemId: item.id, date: item.date, activityName: item.activityName };
  const by = item.byId === meId ? "you" : (item.byName ?? "someone");
  // No time yet while the server confirms a tick: the time is the server's.
  const when = item.at ? ` at ${clockIn(item.at, timeZone)}` : "";
  const minutes = item.minutes ? minutesText(item.minutes) : null;
  return (
    <li className={styles.item} data-status={item.status} data-testid="plan-item" data-activity={item.activityName}>
      <div className={styles.itemHead}>
        <h3 className={styles.itemName}>{item.activityName}</h3>
        <span className="small">{forWhom(item, meId)}</span>
      </div>
      {!compact && item.why ? <p className={styles.why}>{item.why}</p> : null}
      <ul className={styles.meta} aria-label="Details">
        <li>{PART_LABEL[item.partOfDay]}</li>
        {minutes ? <li>About {minutes}</li> : null}
        {item.ruleText ? <li>{item.ruleText}</li> : null}
        {item.origin === "after-hard-night" ? <li>After a hard night</li> : null}
      </ul>
      {item.planNote ? <p className="small">{item.planNote}</p> : null}
      {item.status === "done" ? (
        <p className={styles.status} data-testid="item-status">
          <CheckIcon /> Done by {by}
          {when}
        </p>
      ) : item.status === "skipped" ? (
        <p className={styles.status} data-testid="item-status">
          Skipped{item.note ? `: ${item.note}` : ""}. That&apos;s okay.
        </p>
      ) : null}
      {item.status === "done" && item.note ? <p className="small">“{item.note}”</p> : null}
      <div className={styles.actions}>
        {item.status === "open" ? (
          <>
            {canCheckOffOn(item.date, today) ? <DoneButton r={r} action={done} /> : null}
            <SkipForm r={r} />
          </>
        ) : (
          <>
            <UndoButton r={r} action={undo} />
            {item.status === "done" ? <HowItWent r={r} note={item.note} /> : null}
          </>
        )}
        {!compact ? <RemoveItem r={r} recurring={item.recurrence !== "once"} /> : null}
      </div>
      <FormError message={checkOffError(done, undo)} testId="check-error" />
    </li>
  );
}
