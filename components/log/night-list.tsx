import type { ReactNode } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import { WakingItem } from "@/components/log/waking-item";
import { WakingEditor } from "@/components/log/waking-editor";
import styles from "@/components/log/log.module.css";
import { clockIn } from "@/lib/format";

type TPerson = { id: string; name: string; isMe: boolean };

/**
 * A night's wakings, oldest first, each with "Change" and "Remove" for
 * whoever may (the responder or a parent; the server checks too).
 */
export function NightLogList({
  householdId,
  wakings,
  timeZone,
  people,
  meId,
  isParent,
  showBaby,
  testId = "night-log-list",
  empty = "Nothing logged yet. When someone gets up, it shows here.",
}: {
  householdId: string;
  wakings: TWakingView[];
  timeZone: string;
  people: TPerson[];
  meId: string;
  isParent: boolean;
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
          meId={meId}
          showBaby={showBaby}
          actions={
            isParent || w.responderId === meId ? (
              <WakingEditor
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
            ) : null
          }
        />
      ))}
    </ol>
  );
}
