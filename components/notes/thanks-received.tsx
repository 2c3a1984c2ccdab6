import { getTranslations } from "next-intl/server";
import type { TThanksView } from "@/lib/notes/thanks";
import { PutAwayButton } from "@/components/notes/lazy";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

/** "Casey says thank you for the night of Tue 24 Nov." until put away. */
export async function ThanksReceived({ householdId, thanks }: { householdId: string; thanks: TThanksView[] }) {
  if (!thanks.length) return null;
  const [t, f, text] = await Promise.all([getTranslations("notes.thanks"), getFormat(), getText()]);
  return (
    <section className="card card-accent" aria-labelledby="thanks-heading" data-testid="thanks-received">
      <h2 id="thanks-heading">
        <span aria-hidden="true">♥ </span>
        {t("heading")}
      </h2>
      <ul className="list">
        {thanks.map((th) => (
          <li key={th.id} data-testid="thanks-item">
            {t.rich("item", {
              name: text(th.fromName),
              day: f.shortDay(th.night),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </li>
        ))}
      </ul>
      <PutAwayButton householdId={householdId} kind="thanks" label={t("putAway")} />
    </section>
  );
}
