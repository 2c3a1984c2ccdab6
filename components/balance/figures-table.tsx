import type { TCaregiverTotals } from "@/lib/balance/metrics";
import { METRIC_DEFINITIONS } from "@/lib/balance/definitions";
import { PersonTag } from "@/components/nights/shift-chip";
import type { TPerson } from "@/components/nights/people";
import styles from "@/components/balance/balance.module.css";
import { durationShort } from "@/lib/format";

const h = (minutes: number) => durationShort(minutes * 60_000);

/**
 * The rows, each value short enough to stay on one line at 390 px: the two
 * protected-sleep figures and the two runs get a row each instead of sharing
 * a cell ("12 h typical, 12 h shortest" wrapped to four lines).
 */
const ROWS: { key: string; name: string; value: (t: TCaregiverTotals) => string; parentsOnly?: boolean }[] = [
  { key: "nightsOnDuty", name: METRIC_DEFINITIONS.nightsOnDuty.name, value: (t) => String(t.nightsOnDuty) },
  { key: "hoursOnDuty", name: METRIC_DEFINITIONS.hoursOnDuty.name, value: (t) => h(t.dutyMinutes) },
  { key: "wakingsHandled", name: METRIC_DEFINITIONS.wakingsHandled.name, value: (t) => String(t.wakings) },
  {
    key: "minutesAwake",
    name: METRIC_DEFINITIONS.minutesAwake.name,
    value: (t) => `${Math.round(t.awakeMinutes)} min`,
  },
  { key: "tapOutsAsked", name: METRIC_DEFINITIONS.tapOutsAsked.name, value: (t) => String(t.tapOutsAsked) },
  { key: "tapOutsAnswered", name: METRIC_DEFINITIONS.tapOutsAnswered.name, value: (t) => String(t.tapOutsAnswered) },
  {
    key: "protectedSleep",
    name: "Protected sleep, typical",
    value: (t) => (t.protectedByNight.length ? h(t.protectedMedian) : "–"),
    parentsOnly: true,
  },
  {
    key: "protectedShortest",
    name: "Protected sleep, shortest",
    value: (t) => (t.protectedByNight.length ? h(Math.min(...t.protectedByNight)) : "–"),
    parentsOnly: true,
  },
  { key: "consecutiveNights", name: "Nights in a row now", value: (t) => String(t.current) },
  { key: "longestRun", name: "Longest run", value: (t) => String(t.longest) },
  {
    key: "share",
    name: METRIC_DEFINITIONS.share.name,
    value: (t) => (t.share === null ? "–" : `${Math.round(t.share * 100)}%`),
    parentsOnly: true,
  },
];

/** One column per caregiver, one row per figure; what each means is in one disclosure (Definitions) below. */
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
  const rows = ROWS.filter((r) => !(helpers && r.parentsOnly));
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
              <th scope="row">{r.name}</th>
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
          <div key={key}>
            <dt>{d.name}</dt>
            <dd>{d.definition}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
