import type { TPlanItemView } from "@/lib/connect/read-plan";
import { formatMinutes } from "@/lib/connect/library";
import { CheckIcon } from "@/components/ui/icons";
import { DoneButton, HowItWent, RemoveItem, SkipForm, UndoButton } from "./item-actions";
import { PART_LABEL } from "./format";
import styles from "./connect.module.css";
import { clockIn } from "@/lib/format";

/** Who it is for, said from the reader's side. */
function forWhom(item: TPlanItemView, meId: string): string {
  if (!item.assigneeId) return "Either of you";
  return item.assigneeId === meId ? "You" : (item.assigneeName ?? "Someone");
}

/** One planned moment on one day, with what can be done about it. */
export function PlanItem({
  item,
  householdId,
  meId,
  timeZone,
  today,
  compact = false,
}: {
  item: TPlanItemView;
  householdId: string;
  meId: string;
  timeZone: string;
  today: string;
  compact?: boolean;
}) {
  const r = { householdId, planItemId: item.id, date: item.date, activityName: item.activityName };
  const by = item.byId === meId ? "you" : (item.byName ?? "someone");
  const when = item.at ? clockIn(item.at, timeZone) : "";
  const minutes = formatMinutes(item.minutes);
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
          <CheckIcon /> Done by {by} at {when}
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
            <DoneButton r={r} canCheck={item.date <= today} />
            <SkipForm r={r} />
          </>
        ) : (
          <>
            <UndoButton r={r} />
            {item.status === "done" ? <HowItWent r={r} note={item.note} /> : null}
          </>
        )}
        {!compact ? <RemoveItem r={r} recurring={item.recurrence !== "once"} /> : null}
      </div>
    </li>
  );
}
