import { getHandoffNotes } from "@/lib/notes/read-notes";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { NotesList } from "@/components/notes/notes-list";
import { NoteForm } from "@/components/notes/note-form";

/** A night's handoff notes on its page, with a box to add one (anyone in the household). */
export async function NightHandoff({ date, now, timeZone }: { date: string; now: Date; timeZone: string }) {
  const { actor, membership } = await requireMemberOrRedirect();
  const notes = await getHandoffNotes(actor, { householdId: membership.householdId, nights: [date] });
  return (
    <section className="card" aria-labelledby="night-notes-heading" data-testid="night-handoff">
      <h2 id="night-notes-heading">Handoff notes</h2>
      <NotesList
        householdId={membership.householdId}
        viewer={membership}
        notes={notes}
        timeZone={timeZone}
        now={now}
        testId="night-handoff-notes"
        label="Handoff notes of this night"
        showNight={false}
        empty={<p className="muted">No handoff notes for this night.</p>}
      />
      <details className="subsection">
        <summary className="button button-secondary">Write a handoff note</summary>
        <NoteForm
          householdId={membership.householdId}
          kind="handoff"
          nightDate={date}
          label="Handoff note for this night"
          submitLabel="Save handoff note"
          testId="night-handoff-form"
        />
      </details>
    </section>
  );
}
