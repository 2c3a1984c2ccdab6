import type { TCaregiverTotals } from "@/lib/balance/metrics";
import { METRIC_DEFINITIONS, type TMetricKey } from "@/lib/balance/definitions";
import { PersonTag } from "@/components/nights/shift-chip";
import type { TPerson } from "@/components/nights/people";
import styles from "@/components/balance/balance.module.css";
import { durationShort } from "@/lib/format";

const h = (minutes: number) => durationShort(minutes * 60_000);

const ROWS: { key: TMetricKey; value: (t: TCaregiverTotals) => string; parentsOnly?: boolean }[] = [
  { key: "nightsOnDuty", value: (t) => String(t.nightsOnDuty) },
  { key: "hoursOnDuty", value: (t) => h(t.dutyMinutes) },
  { key: "wakingsHandled", value: (t) => String(t.wakings) },
  { key: "minutesAwake", value: (t) => `${Math.round(t.awakeMinutes)} min` },
  { key: "tapOutsAsked", value: (t) => String(t.tapOutsAsked) },
  { key: "tapOutsAnswered", value: (t) => String(t.tapOutsAnswered) },
  {
    key: "protectedSleep",
    value: (t) =>
      t.protectedByNight.length
        ? `${h(t.protectedMedian)} typical, ${h(Math.min(...t.protectedByNight))} shortest`
        : "–",
  },
  { key: "consecutiveNights", value: (t) => `${t.current} now, ${t.longest} longest` },
  { key: "share", value: (t) => (t.share === null ? "–" : `${Math.round(t.share * 100)}%`), parentsOnly: true },
];

/** One column per caregiver, one row per figure; the figure's name links to its meaning below. */
export function FiguresTable({
  totals,
  people,
  caption,
  testId,
  helpers = false,
}: {
  totals: TCaregiverTotals[];
  people: (id: string) => TPerson;
  caption: string;
  testId: string;
  helpers?: boolean;
}) {
  if (!totals.length) return null;
  const rows = ROWS.filter((r) => !(helpers && (r.parentsOnly || r.key === "protectedSleep")));
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <td />
            {totals.map((t) => (
              <th scope="col" key={t.caregiverId} data-caregiver={t.caregiverId}>
                <PersonTag person={people(t.caregiverId)} showYou />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-metric={r.key}>
              <th scope="row">
                <a href={`#def-${r.key}`}>{METRIC_DEFINITIONS[r.key].name}</a>
              </th>
              {totals.map((t) => (
                <td key={t.caregiverId} data-caregiver={t.caregiverId}>
                  {r.value(t)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What every figure means, in the words of lib/balance/definitions.ts (and docs/balance-metrics.md). */
export function Definitions() {
  return (
    <details className={styles.help} data-testid="balance-definitions">
      <summary className="button button-quiet">What these figures mean</summary>
      <dl>
        {Object.entries(METRIC_DEFINITIONS).map(([key, d]) => (
          <div key={key} id={`def-${key}`}>
            <dt>{d.name}</dt>
            <dd>{d.definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
