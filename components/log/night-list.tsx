"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TWakingView } from "@/lib/log/read-log";
import type { TRole } from "@/lib/auth/actor";
import { canEditWaking } from "@/lib/log/rights";
import { isOptimistic } from "@/components/log/optimistic";
import { WakingItem } from "@/components/log/waking-item";
import { WakingEditor } from "@/components/log/waking-editor";
import styles from "@/components/log/log.module.css";
import { useFormat } from "@/components/format-provider";

type TPerson = { id: string; name: string; isMe: boolean };

/**
 * A night's wakings, oldest first: for whoever may, a tap on the row changes
 * it and its ⋯ menu removes it (lib/log/rights.ts, which the server checks too). A client
 * component (it formats with useFormat): the recent nights and a night's page render it from
 * the server's wakings, Tonight from React Query.
 */
export function NightLogList({
  householdId,
  wakings,
  timeZone,
  people,
  me,
  showBaby,
  testId = "night-log-list",
  empty,
}: {
  householdId: string;
  wakings: TWakingView[];
  timeZone: string;
  people: TPerson[];
  me: { caregiverId: string; role: TRole };
  showBaby: boolean;
  testId?: string;
  empty?: ReactNode;
}) {
  const t = useTranslations("log.list");
  const f = useFormat();
  if (!wakings.length) {
    return (
      <p className={styles.empty} data-testid={testId}>
        {empty ?? t("empty")}
      </p>
    );
  }
  return (
    <ol className={styles.list} data-testid={testId}>
      {wakings.map((w) => (
        <WakingItem
          key={w.id}
          waking={w}
          timeZone={timeZone}
          meId={me.caregiverId}
          showBaby={showBaby}
          actions={
            canEditWaking(me, w) && !isOptimistic(w)
              ? (lines: ReactNode) => (
                  <WakingEditor
                    lines={lines}
                    householdId={householdId}
                    timeZone={timeZone}
                    people={people}
                    waking={{
                      id: w.id,
                      version: w.version,
                      responderId: w.responderId,
                      babyName: w.babyName,
                      startedAt: w.startedAt,
                      endedAt: w.endedAt,
                      startText: f.clockIn(w.startedAt, timeZone),
                      endText: w.endedAt ? f.clockIn(w.endedAt, timeZone) : "",
                      helped: w.helped,
                      note: w.note ?? "",
                    }}
                  />
                )
              : undefined
          }
        />
      ))}
    </ol>
  );
}
