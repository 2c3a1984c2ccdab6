import Link from "next/link";
import { useTranslations } from "next-intl";
import { requestNow } from "@/lib/clock";
import { getMorningSummary, type TMorningSummary } from "@/lib/notes/summary";
import { getUnseenThanks } from "@/lib/notes/thanks";
import { loadShell } from "@/lib/household/current";
import { helpedLabel } from "@/lib/log/helped";
import { NoteCard } from "@/components/notes/note-card";
import { ThanksReceived } from "@/components/notes/thanks-received";
import { MarkRead, PutAwayButton, ThankButton } from "@/components/notes/lazy";
import styles from "@/components/notes/notes.module.css";
import { minutesBetween, type TFormat } from "@/lib/format";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

/**
 * "While you were asleep" (built from the log, see lib/notes/summary.ts) and
 * any thank-you waiting for this caregiver. Renders nothing when neither applies.
 */
export async function MorningSummary() {
  const { actor, membership } = await loadShell();
  const now = await requestNow(); // the same instant the operations act at (lib/context.ts)
  const ref = { householdId: membership.householdId };
  const [summary, thanks, f, text] = await Promise.all([
    getMorningSummary(actor, ref),
    getUnseenThanks(actor, ref),
    getFormat(),
    getText(),
  ]);
  return (
    <>
      <ThanksReceived householdId={membership.householdId} thanks={thanks} />
      {summary ? <SummaryCard householdId={membership.householdId} s={summary} now={now} f={f} text={text} /> : null}
    </>
  );
}

function SummaryCard({
  householdId,
  s,
  now,
  f,
  text,
}: {
  householdId: string;
  s: TMorningSummary;
  now: Date;
  /** The reader's formatter and lib/'s words in their language (the async parent read both). */
  f: TFormat;
  text: (s: string) => string;
}) {
  const t = useTranslations("notes.summary");
  const tz = s.timeZone;
  const othersNames = [...new Set(s.shifts.filter((x) => !x.isMe).map((o) => text(o.name)))];
  // What helped, as the reader's language puts it mid-sentence: English and Spanish lower-case
  // the labels ("rock helped"); German keeps its nouns as they are ("Schaukeln").
  const lowerHelped = t("helpedCase") !== "asIs";
  const helpedWords = (helped: string[]) =>
    helped
      .map((h) => text(helpedLabel(h)))
      .map((w) => (lowerHelped ? w.toLowerCase() : w))
      .join(", ");
  const plan = s.plan?.items ?? [];
  return (
    <section className="card card-accent" aria-labelledby="summary-heading" data-testid="morning-summary">
      <span className="eyebrow">{t("nightOf", { day: f.shortDay(s.night) })}</span>
      {/* "Last night" for whoever got up; "While you were asleep" only for the one who slept. */}
      <h2 id="summary-heading">
        {s.wakings.some((w) => w.responderId === s.meId) ? t("headingAwake") : t("headingAsleep")}
      </h2>
      <p data-testid="summary-who">
        {othersNames.length
          ? t("whoOthers", { names: f.listNames(othersNames), count: othersNames.length })
          : t("whoNone")}
        {s.shifts.length > 1 ? (
          <span className="small muted">
            {" "}
            (
            {s.shifts
              .map((x) =>
                t("shift", {
                  me: x.isMe ? "yes" : "no",
                  name: text(x.name),
                  start: f.clockIn(x.start, tz),
                  end: f.clockIn(x.end, tz),
                }),
              )
              .join(", ")}
            )
          </span>
        ) : null}
      </p>

      <div className={styles.summarySection}>
        <h3>{t("wakings")}</h3>
        {s.wakings.length ? (
          <ul className={styles.summaryList} data-testid="summary-wakings">
            {s.wakings.map((w) => (
              <li key={w.id} data-testid="summary-waking">
                {t.rich("waking", {
                  start: f.clockIn(w.startedAt, tz),
                  ended: w.endedAt ? "yes" : "no",
                  end: w.endedAt ? f.clockIn(w.endedAt, tz) : "",
                  duration: w.endedAt ? f.minutesText(minutesBetween(w.startedAt, w.endedAt)) : "",
                  me: w.responderId === s.meId ? "yes" : "no",
                  name: text(w.responderName),
                  hasHelped: w.helped.length ? "yes" : "no",
                  helpedCount: w.helped.length,
                  helped: helpedWords(w.helped),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
                {w.note ? <div className="small muted">{t("wakingNote", { note: w.note })}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p data-testid="summary-wakings">{t("noWakings")}</p>
        )}
      </div>

      {s.tapOuts.length ? (
        <div className={styles.summarySection}>
          <h3>{t("tapOuts")}</h3>
          <ul className={styles.summaryList} data-testid="summary-tapouts">
            {s.tapOuts.map((x) => (
              <li key={x.id}>
                {t("tapOut", {
                  time: f.clockIn(x.requestedAt, tz),
                  requester: text(x.requesterName),
                  answer: x.answer ?? "none",
                  known: x.answeredByName == null ? "no" : "yes",
                  answerer: x.answeredByName == null ? "" : text(x.answeredByName),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {s.swaps.length ? (
        <div className={styles.summarySection}>
          <h3>{t("swaps")}</h3>
          <ul className={styles.summaryList} data-testid="summary-swaps">
            {s.swaps.map((x) => (
              <li key={x.id}>
                {t("swap", {
                  to: text(x.toName),
                  start: f.clockIn(x.start, tz),
                  end: f.clockIn(x.end, tz),
                  from: text(x.fromName),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {s.notes.length ? (
        <div className={styles.summarySection}>
          <h3>{t("notes")}</h3>
          <ul className={styles.list} data-testid="summary-notes">
            {s.notes.map((n) => (
              <NoteCard key={n.id} note={n} timeZone={tz} now={now} showNight={false} />
            ))}
          </ul>
          <MarkRead householdId={householdId} noteIds={s.notes.filter((n) => n.unread).map((n) => n.id)} />
        </div>
      ) : null}

      <div className={styles.summarySection}>
        <h3>{t("moments")}</h3>
        {plan.length ? (
          <ul className={styles.summaryList} data-testid="summary-plan">
            {plan.map((p) => (
              <li key={p.id}>
                {t.rich("planItem", {
                  part: p.partOfDay,
                  activity: text(p.activityName),
                  hasAssignee: p.assigneeName ? "yes" : "no",
                  assignee: p.assigneeName ? text(p.assigneeName) : "",
                  status: p.status,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  muted: (chunks) => <span className="muted">{chunks}</span>,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="summary-plan">
            {t.rich("nothingPlanned", { link: (chunks) => <Link href="/connect">{chunks}</Link> })}
          </p>
        )}
      </div>

      <div className={styles.thanksRow}>
        {s.thank.map((p) => (
          <ThankButton
            key={p.id}
            householdId={householdId}
            toId={p.id}
            name={text(p.name)}
            night={s.night}
            thanked={p.thanked}
          />
        ))}
        <PutAwayButton householdId={householdId} kind="summary" label={t("putAway")} />
      </div>
    </section>
  );
}
