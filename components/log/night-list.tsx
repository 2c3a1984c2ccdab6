import type { ReactNode } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import type { TRole } from "@/lib/auth/actor";
import { canEditWaking } from "@/lib/log/rights";
import { isOptimistic } from "@/components/log/optimistic";
import { WakingItem } from "@/components/log/waking-item";
import { WakingEditor } from "@/components/log/waking-editor";
import styles from "@/components/log/log.module.css";
import { clockIn } from "@/lib/format";

type TPerson = { id: string; name: string; isMe: boolean };

/**
 * A night's wakings, oldest first: for whoever may, a tap on the row changes
 * it and its ⋯ menu removes it (lib/log/rights.ts, which the server checks too). Rendered on
 * the server (recent nights) and in the browser (tonight, from React Query).
 */
export function NightLogList({
  householdId,
  wakings,
  timeZone,
  people,
  me,
  showBaby,
  testId = "night-log-list",
  empty = "Nothing logged yet. When someone gets up, it shows here.",
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
  if (!wakings.length) {
    return (
      <p className={styles.empty} data-testid={testId}>
        {empty}
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
                    people={people}
                    waking={{
                      id: w.id,
                      version: w.version,
                      responderId: w.responderId,
                      babyName: w.babyName,
                      start: clockIn(w.startedAt, timeZone),
                      end: w.endedAt ? clockIn(w.endedAt, timeZone) : "",
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
