import Link from "next/link";
import type { TActor } from "@/lib/auth/actor";
import { getDayPlan, localToday } from "@/lib/connect/today";
import { HeartIcon } from "@/components/ui/icons";
import { PART_LABEL } from "./format";
import { DoneButton } from "./item-actions";
import styles from "./connect.module.css";

/**
 * "Today's connection moments" on Tonight: what is still to do today, for
 * whom, each one tap from done. Reads today's plan only (fixed queries). The button says
 * "Tick off", not "Done": Tonight already has the night log's "Done".
 */
export async function ConnectTonightCard({
  actor,
  householdId,
  timeZone,
  now,
  meId,
}: {
  actor: TActor;
  householdId: string;
  timeZone: string;
  now: Date;
  meId: string;
}) {
  const today = localToday(timeZone, now);
  const { items } = await getDayPlan(actor, householdId, today);
  const left = items.filter((i) => i.status === "open");
  const done = items.length - left.length;
  return (
    <section className="card" aria-labelledby="connect-today-heading" data-testid="connect-tonight">
      <h2 id="connect-today-heading">Today&apos;s connection moments</h2>
      {!items.length ? (
        <p>Nothing planned today. A cuddle or a song still counts, planned or not.</p>
      ) : !left.length ? (
        <p>All {items.length} done today. Lovely.</p>
      ) : (
        <>
          <p>
            {left.length} still to do{done ? `, ${done} done` : ""}:
          </p>
          <ul className={styles.weekItems}>
            {left.map((i) => (
              <li key={i.id} className={styles.cardItem}>
                <span className={styles.mark} aria-hidden="true">
                  <HeartIcon size={14} />
                </span>
                <span className={styles.cardItemText}>
                  {i.activityName}
                  <span className="muted small">
                    {" "}
                    · {i.assigneeId ? (i.assigneeId === meId ? "you" : i.assigneeName) : "either of you"}
                    {i.partOfDay !== "any" ? ` · ${PART_LABEL[i.partOfDay].toLowerCase()}` : ""}
                  </span>
                </span>
                <DoneButton
                  r={{ householdId, planItemId: i.id, date: today, activityName: i.activityName }}
                  canCheck
                  label="Tick off"
                  className="button button-secondary"
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="small">
        <Link href="/connect">Open today&apos;s plan</Link>
      </p>
    </section>
  );
}
