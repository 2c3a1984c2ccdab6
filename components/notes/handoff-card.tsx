import { getTranslations } from "next-intl/server";
import type { TNight } from "@/lib/nights/read-nights";
import { getTonightHandoffNotes } from "@/lib/notes/read-notes";
import { loadShell } from "@/lib/household/current";
import { NoteCard } from "@/components/notes/note-card";
import { MarkRead, NoteForm } from "@/components/notes/lazy";
import styles from "@/components/notes/notes.module.css";

/**
 * Tonight's handoff card, for whoever is on duty now or comes on duty later
 * this night: what the others left for them (this night's and last night's
 * handoff notes: with whole nights taken in turns, the previous shift was
 * yesterday), and, while on duty, a box to leave one for the next person.
 * Nothing for someone who is off tonight (their morning summary has it).
 */
export async function TonightHandoff({ tonight, now }: { tonight: TNight; now: Date }) {
  const { actor, membership, timeZone: tz } = await loadShell();
  const me = membership.caregiverId;
  const at = now.toISOString();
  const mine = tonight.shifts.filter((s) => s.caregiverId === me);
  const onDuty = mine.find((s) => s.start <= at && at < s.end);
  const coming = mine.some((s) => s.start > at);
  if (!onDuty && !coming) return null;
  const notes = await getTonightHandoffNotes(actor, { householdId: membership.householdId, tonight: tonight.date });
  const forMe = notes.filter((n) => !n.mine);
  const written = notes.filter((n) => n.mine && n.night === tonight.date);
  const t = await getTranslations("notes.handoff");
  return (
    <section className="card" aria-labelledby="handoff-heading" data-testid="handoff-card">
      <h2 id="handoff-heading">{t("heading")}</h2>
      {forMe.length ? (
        <ul className={styles.list} data-testid="handoff-for-me" aria-label={t("forYouLabel")}>
          {forMe.map((n) => (
            <NoteCard key={n.id} note={n} timeZone={tz} now={now} />
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="handoff-none">
          {t("noneForYou")}
        </p>
      )}
      <MarkRead householdId={membership.householdId} noteIds={forMe.filter((n) => n.unread).map((n) => n.id)} />
      {onDuty ? (
        <div className="subsection">
          {written.length ? (
            <ul className={styles.list} data-testid="handoff-mine" aria-label={t("mineLabel")}>
              {written.map((n) => (
                <NoteCard key={n.id} note={n} timeZone={tz} now={now} showNight={false} />
              ))}
            </ul>
          ) : null}
          <NoteForm
            householdId={membership.householdId}
            kind="handoff"
            nightDate={tonight.date}
            shiftId={onDuty.id}
            label={t("formLabel")}
            hint={t("formHint")}
            submitLabel={t("save")}
            testId="handoff-form"
          />
        </div>
      ) : null}
    </section>
  );
}
