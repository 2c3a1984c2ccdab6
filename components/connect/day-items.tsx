"use client";

import { useTranslations } from "next-intl";
import type { TPlanItemView } from "@/lib/connect/today";
import { HeartIcon } from "@/components/ui/icons";
import { usePlanItems } from "./item-actions";
import { PlanItem } from "./plan-item";
import styles from "./connect.module.css";

/**
 * The day's moments: the page's own, refreshed with it (after an action, and
 * by the live channel when the partner changes the plan), with a tick-off or
 * undo shown at once (usePlanItems).
 */
export function DayItems({
  householdId,
  meId,
  timeZone,
  today,
  date,
  items: served,
}: {
  householdId: string;
  meId: string;
  timeZone: string;
  today: string;
  date: string;
  items: TPlanItemView[];
}) {
  const t = useTranslations("connect.day");
  const isToday = date === today;
  const [items, show] = usePlanItems(served);
  const left = items.filter((i) => i.status === "open").length;

  if (!items.length)
    return (
      <div className="empty-state" data-testid="day-empty">
        <HeartIcon size={32} />
        <strong>{isToday ? t("emptyToday") : t("emptyOtherDay")}</strong>
        <p>{t("emptyHint")}</p>
      </div>
    );
  return (
    <>
      <p className="small muted" data-testid="day-left">
        {left ? t("left", { left, total: items.length }) : t("allDone", { total: items.length })}
      </p>
      <ul className={styles.items} data-testid="day-items">
        {items.map((item) => (
          <PlanItem
            key={`${item.id}-${item.date}`}
            item={item}
            householdId={householdId}
            meId={meId}
            timeZone={timeZone}
            today={today}
            show={show}
          />
        ))}
      </ul>
    </>
  );
}
