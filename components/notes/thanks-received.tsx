import type { TThanksView } from "@/lib/notes/thanks";
import { PutAwayButton } from "@/components/notes/summary-actions";
import { shortDay } from "@/lib/format";

/** "Casey says thank you for the night of Tue 24 Nov." until put away. */
export function ThanksReceived({ householdId, thanks }: { householdId: string; thanks: TThanksView[] }) {
  if (!thanks.length) return null;
  return (
    <section className="card card-accent" aria-labelledby="thanks-heading" data-testid="thanks-received">
      <h2 id="thanks-heading">
        <span aria-hidden="true">♥ </span>A thank-you for you
      </h2>
      <ul className="list">
        {thanks.map((t) => (
          <li key={t.id} data-testid="thanks-item">
            <strong>{t.fromName}</strong> says thank you for the night of {shortDay(t.night)}.
          </li>
        ))}
      </ul>
      <PutAwayButton householdId={householdId} kind="thanks" label="That's lovely, put it away" />
    </section>
  );
}
