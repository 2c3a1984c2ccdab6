import { getTranslations } from "next-intl/server";
import { getHandoffNotes } from "@/lib/notes/read-notes";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { NotesList } from "@/components/notes/notes-list";
import { NoteForm } from "@/components/notes/lazy";
import { WhenOpened } from "@/components/ui/lazy";

/** A night's handoff notes on its page, with a box to add one (anyone in the household). */
export async function NightHandoff({ date, now, timeZone }: { date: string; now: Date; timeZone: string }) {
  const { actor, membership } = await requireMemberOrRedirect();
  const notes = await getHandoffNotes(actor, { householdId: membership.householdId, nights: [date] });
  const t = await getTranslations("notes.handoff");
  return (
    <section className="card" aria-labelledby="night-notes-heading" data-testid="night-handoff">
      <h2 id="night-notes-heading">{t("heading")}</h2>
      <NotesList
        householdId={membership.householdId}
        viewer={membership}
        notes={notes}
        timeZone={timeZone}
        now={now}
        testId="night-handoff-notes"
        label={t("nightLabel")}
        showNight={false}
        empty={<p className="muted">{t("nightEmpty")}</p>}
      />
      <details className="subsection">
        <summary className="button button-secondary">{t("nightWrite")}</summary>
        <WhenOpened>
          <NoteForm
            householdId={membership.householdId}
            kind="handoff"
            nightDate={date}
            label={t("nightFormLabel")}
            submitLabel={t("save")}
            testId="night-handoff-form"
          />
        </WhenOpened>
      </details>
    </section>
  );
}
