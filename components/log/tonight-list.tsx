"use client";

import { useTranslations } from "next-intl";
import type { TRole } from "@/lib/auth/actor";
import type { TLocalDate } from "@/lib/time/local-date";
import { NightLogList } from "@/components/log/night-list";
import { useTonightLog } from "@/components/log/tonight-query";
import { useFormat } from "@/components/format-provider";
import styles from "@/components/log/log.module.css";

/**
 * "Tonight so far" (or last night's, in the daytime): the night log's list,
 * from React Query like the open wakings above it, so "I'm up", "Back to
 * sleep" and the partner's wakings show here without a page refresh.
 */
export function TonightLogList({
  householdId,
  tonight,
  timeZone,
  people,
  me,
}: {
  householdId: string;
  /** The night that is on now, or comes next. */
  tonight: TLocalDate;
  timeZone: string;
  people: { id: string; name: string; isMe: boolean }[];
  me: { caregiverId: string; role: TRole };
}) {
  const t = useTranslations("log.tonightList");
  const f = useFormat();
  const { data: log } = useTonightLog(householdId);
  if (!log) return null;
  const list = (
    <NightLogList
      householdId={householdId}
      wakings={log.wakings}
      timeZone={timeZone}
      people={people}
      me={me}
      showBaby={log.babies.length > 1}
    />
  );
  if (log.night === tonight)
    return (
      <>
        <h2 id="log-list-heading">{t("soFar")}</h2>
        {list}
      </>
    );
  // In the daytime last night's wakings are in the morning summary above: here they are folded away,
  // to change or remove one, so no waking is listed twice on the page.
  return (
    <>
      <h2 id="log-list-heading">{t("lastNight", { day: f.shortDay(log.night) })}</h2>
      {log.wakings.length ? (
        <details className={styles.foldedList}>
          <summary className="button button-secondary">{t("change", { count: log.wakings.length })}</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </>
  );
}
