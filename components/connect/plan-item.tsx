"use client";

import { useTranslations } from "next-intl";
import type { TPlanItemView } from "@/lib/connect/today";
import { canCheckOffOn } from "@/lib/connect/rights";
import { CheckIcon } from "@/components/ui/icons";
import { FormError } from "@/components/ui/form-error";
import { checkOffError, DoneButton, UndoButton, useCheckOff, type TShowTick } from "./item-actions";
import { HowItWent, RemoveItem, SkipForm } from "./item-panels";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";
import styles from "./connect.module.css";

/** Who it is for, said from the reader's side. */
function forWhom(item: TPlanItemView, meId: string, t: (key: "eitherOfYou" | "you" | "someone") => string): string {
  if (!item.assigneeId) return t("eitherOfYou");
  return item.assigneeId === meId ? t("you") : (item.assigneeName ?? t("someone"));
}

/**
 * One planned moment on one day, with what can be done about it. Ticking off
 * and undoing show at once through `show` (the list's usePlanItems).
 */
export function PlanItem({
  item,
  householdId,
  meId,
  timeZone,
  today,
  show,
  compact = false,
}: {
  item: TPlanItemView;
  householdId: string;
  meId: string;
  timeZone: string;
  today: string;
  show: TShowTick;
  compact?: boolean;
}) {
  const t = useTranslations("connect");
  const f = useFormat();
  const text = useText();
  const { done, undo } = useCheckOff(show, meId);
  const name = text(item.activityName);
  const note = item.note === null ? null : text(item.note);
  const r = { householdId, planItemId: item.id, date: item.date, activityName: name };
  const by = { by: item.byId === meId ? "me" : item.byName ? "other" : "someone", name: item.byName ?? "" };
  // No time yet while the server confirms a tick: the time is the server's.
  const doneBy = item.at ? t("item.doneByAt", { ...by, time: f.clockIn(item.at, timeZone) }) : t("item.doneBy", by);
  const minutes = item.minutes ? f.minutesText(item.minutes) : null;
  return (
    <li className={styles.item} data-status={item.status} data-testid="plan-item" data-activity={name}>
      <div className={styles.itemHead}>
        <h3 className={styles.itemName}>{name}</h3>
        <span className="small">{forWhom(item, meId, (key) => t(`item.${key}`))}</span>
      </div>
      {!compact && item.why ? <p className={styles.why}>{text(item.why)}</p> : null}
      <ul className={styles.meta} aria-label={t("item.details")}>
        <li>{t(`part.${item.partOfDay}`)}</li>
        {minutes ? <li>{t("item.about", { minutes })}</li> : null}
        {item.ruleText ? <li>{text(item.ruleText)}</li> : null}
        {item.origin === "after-hard-night" ? <li>{t("item.afterHardNight")}</li> : null}
      </ul>
      {item.planNote ? <p className="small">{text(item.planNote)}</p> : null}
      {item.status === "done" ? (
        <p className={styles.status} data-testid="item-status">
          <CheckIcon /> {doneBy}
        </p>
      ) : item.status === "skipped" ? (
        <p className={styles.status} data-testid="item-status">
          {note ? t("item.skippedWithReason", { reason: note }) : t("item.skipped")}
        </p>
      ) : null}
      {item.status === "done" && note ? <p className="small">{t("quotedNote", { note })}</p> : null}
      <div className={styles.actions}>
        {item.status === "open" ? (
          <>
            {canCheckOffOn(item.date, today) ? <DoneButton r={r} action={done} /> : null}
            <SkipForm r={r} />
          </>
        ) : (
          <>
            <UndoButton r={r} action={undo} />
            {item.status === "done" ? <HowItWent r={r} note={note} /> : null}
          </>
        )}
        {!compact ? <RemoveItem r={r} recurring={item.recurrence !== "once"} /> : null}
      </div>
      <FormError message={checkOffError(done, undo)} testId="check-error" />
    </li>
  );
}
