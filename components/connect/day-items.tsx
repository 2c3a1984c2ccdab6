"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { TPlanItemView } from "@/lib/connect/today";
import { connectKeys } from "@/lib/connect/query-keys";
import { HeartIcon } from "@/components/ui/icons";
import { PlanItem } from "./plan-item";
import { fetchTodayPlan } from "./queries";
import styles from "./connect.module.css";

/**
 * The day's moments. Today's come from React Query (hydrated by the page,
 * kept fresh by the live channel, ticked off optimistically); another day's
 * are the page's own, refreshed with it.
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
  const queryKey = connectKeys.today(householdId);
  const { data } = useQuery({ queryKey, queryFn: () => fetchTodayPlan(householdId), enabled: isToday });
  const items = isToday && data?.date === date ? data.items : served;
  const live = isToday ? { queryKey, meId } : null;
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
            live={live}
          />
        ))}
      </ul>
    </>
  );
}
