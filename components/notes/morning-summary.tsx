import Link from "next/link";
import { requestNow } from "@/lib/clock";
import { getMorningSummary, type TMorningSummary } from "@/lib/notes/summary";
import { getUnseenThanks } from "@/lib/notes/thanks";
import { loadShell } from "@/lib/household/current";
import { helpedLabel } from "@/lib/log/helped";
import { NoteCard } from "@/components/notes/note-card";
import { MarkRead } from "@/components/notes/mark-read";
import { ThanksReceived } from "@/components/notes/thanks-received";
import { PutAwayButton, ThankButton } from "@/components/notes/summary-actions";
import styles from "@/components/notes/notes.module.css";
import { clockIn, listNames, shortDay, minutesBetween, minutesText } from "@/lib/format";

const PART: Record<string, string> = {
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
  any: "Any time",
};
const STATUS: Record<string, string> = { open: "to do", done: "done", skipped: "skipped" };

/**
 * "While you were asleep" (built from the log, see lib/notes/summary.ts) and
 * any thank-you waiting for this caregiver. Renders nothing when neither applies.
 */
export async function MorningSummary() {
  const { actor, membership } = await loadShell();
  const now = await requestNow(); // the same instant the operations act at (lib/context.ts)
  const ref = { householdId: membership.householdId };
  const [summary, thanks] = await Promise.all([getMorningSummary(actor, ref), getUnseenThanks(actor, ref)]);
  return (
    <>
      <ThanksReceived householdId={membership.householdId} thanks={thanks} />
      {summary ? <SummaryCard householdId={membership.householdId} s={summary} now={now} /> : null}
    </>
  );
}

function SummaryCard({ householdId, s, now }: { householdId: string; s: TMorningSummary; now: Date }) {
  const tz = s.timeZone;
  const others = s.shifts.filter((x) => !x.isMe);
  const plan = s.plan?.items ?? [];
  return (
    <section className="card card-accent" aria-labelledby="summary-heading" data-testid="morning-summary">
      <span className="eyebrow">Night of {shortDay(s.night)}</span>
      {/* "Last night" for whoever got up; "While you were asleep" only for the one who slept. */}
      <h2 id="summary-heading">
        {s.wakings.some((w) => w.responderId === s.meId) ? "Last night" : "While you were asleep"}
      </h2>
      <p data-testid="summary-who">
        {others.length
          ? `${listNames([...new Set(others.map((o) => o.name))])} looked after the night.`
          : "Here is what happened in the night."}
        {s.shifts.length > 1 ? (
          <span className="small muted">
            {" "}
            (
            {s.shifts.map((x) => `${x.isMe ? "you" : x.name} ${clockIn(x.start, tz)}–${clockIn(x.end, tz)}`).join(", ")}
            )
          </span>
        ) : null}
      </p>

      <div className={styles.summarySection}>
        <h3>Wakings</h3>
        {s.wakings.length ? (
          <ul className={styles.summaryList} data-testid="summary-wakings">
            {s.wakings.map((w) => (
              <li key={w.id} data-testid="summary-waking">
                <strong>{clockIn(w.startedAt, tz)}</strong>
                {w.endedAt
                  ? `–${clockIn(w.endedAt, tz)} (${minutesText(minutesBetween(w.startedAt, w.endedAt))})`
                  : " (still up)"}
                : {w.responderId === s.meId ? "you" : w.responderName} got up
                {w.helped.length ? `; ${w.helped.map(helpedLabel).join(", ").toLowerCase()} helped` : ""}.
                {w.note ? <div className="small muted">“{w.note}”</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="summary-wakings">No wakings logged. A quiet night.</p>
        )}
      </div>

      {s.tapOuts.length ? (
        <div className={styles.summarySection}>
          <h3>Tap-outs</h3>
          <ul className={styles.summaryList} data-testid="summary-tapouts">
            {s.tapOuts.map((t) => (
              <li key={t.id}>
                At {clockIn(t.requestedAt, tz)} {t.requesterName} asked for help
                {t.answer === "coming"
                  ? `; ${t.answeredByName ?? "someone"} came.`
                  : t.answer === "cant"
                    ? `; ${t.answeredByName ?? "the other"} couldn't come.`
                    : "."}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {s.swaps.length ? (
        <div className={styles.summarySection}>
          <h3>Swaps</h3>
          <ul className={styles.summaryList} data-testid="summary-swaps">
            {s.swaps.map((x) => (
              <li key={x.id}>
                {x.toName} took {clockIn(x.start, tz)}–{clockIn(x.end, tz)} from {x.fromName}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {s.notes.length ? (
        <div className={styles.summarySection}>
          <h3>Notes from the night</h3>
          <ul className={styles.list} data-testid="summary-notes">
            {s.notes.map((n) => (
              <NoteCard key={n.id} note={n} timeZone={tz} now={now} showNight={false} />
            ))}
          </ul>
          <MarkRead householdId={householdId} noteIds={s.notes.filter((n) => n.unread).map((n) => n.id)} />
        </div>
      ) : null}

      <div className={styles.summarySection}>
        <h3>Today&apos;s moments together</h3>
        {plan.length ? (
          <ul className={styles.summaryList} data-testid="summary-plan">
            {plan.map((p) => (
              <li key={p.id}>
                {PART[p.partOfDay] ?? "Any time"}: <strong>{p.activityName}</strong>
                {p.assigneeName ? `, ${p.assigneeName}` : ""}{" "}
                <span className="muted">({STATUS[p.status] ?? p.status})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="summary-plan">
            Nothing planned for today yet. <Link href="/connect">Plan a small moment</Link>.
          </p>
        )}
      </div>

      <div className={styles.thanksRow}>
        {s.thank.map((p) => (
          <ThankButton
            key={p.id}
            householdId={householdId}
            toId={p.id}
            name={p.name}
            night={s.night}
            thanked={p.thanked}
          />
        ))}
        <PutAwayButton householdId={householdId} kind="summary" label="Put this away" />
      </div>
    </section>
  );
}
