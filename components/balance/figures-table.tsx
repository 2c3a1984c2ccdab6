import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { TCaregiverTotals } from "@/lib/balance/metrics";
import { METRIC_DEFINITIONS } from "@/lib/balance/definitions";
import { PersonTag } from "@/components/nights/shift-chip";
import type { TPerson } from "@/components/nights/people";
import { useText } from "@/components/use-text";
import styles from "@/components/balance/balance.module.css";
import type { TFormat } from "@/lib/format";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

const h = (f: TFormat, minutes: number) => f.durationShort(minutes * 60_000);

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The rows, each value short enough to stay on one line at 390 px: the two
 * protected-sleep figures and the two runs get a row each instead of sharing
 * a cell ("12 h typical, 12 h shortest" wrapped to four lines). A row's `name`
 * is a message reference (lib/balance/definitions.ts); a row without one is
 * named from the catalogue by its key.
 */
const ROWS: {
  key: string;
  name?: string;
  value: (t: TCaregiverTotals, tr: TTranslate, f: TFormat) => string;
  parentsOnly?: boolean;
}[] = [
  { key: "nightsOnDuty", name: METRIC_DEFINITIONS.nightsOnDuty.name, value: (t) => String(t.nightsOnDuty) },
  { key: "hoursOnDuty", name: METRIC_DEFINITIONS.hoursOnDuty.name, value: (t, _, f) => h(f, t.dutyMinutes) },
  { key: "wakingsHandled", name: METRIC_DEFINITIONS.wakingsHandled.name, value: (t) => String(t.wakings) },
  {
    key: "minutesAwake",
    name: METRIC_DEFINITIONS.minutesAwake.name,
    value: (t, tr) => tr("minutes", { minutes: Math.round(t.awakeMinutes) }),
  },
  { key: "tapOutsAsked", name: METRIC_DEFINITIONS.tapOutsAsked.name, value: (t) => String(t.tapOutsAsked) },
  { key: "tapOutsAnswered", name: METRIC_DEFINITIONS.tapOutsAnswered.name, value: (t) => String(t.tapOutsAnswered) },
  {
    key: "protectedSleep",
    value: (t, _, f) => (t.protectedByNight.length ? h(f, t.protectedMedian) : "–"),
    parentsOnly: true,
  },
  {
    key: "protectedShortest",
    value: (t, _, f) => (t.protectedByNight.length ? h(f, Math.min(...t.protectedByNight)) : "–"),
    parentsOnly: true,
  },
  { key: "consecutiveNights", value: (t) => String(t.current) },
  { key: "longestRun", value: (t) => String(t.longest) },
  {
    key: "share",
    name: METRIC_DEFINITIONS.share.name,
    value: (t, tr) => (t.share === null ? "–" : tr("percent", { value: Math.round(t.share * 100) })),
    parentsOnly: true,
  },
];

/** One column per caregiver, one row per figure; what each means is in one disclosure (Definitions) below. */
export async function FiguresTable({
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
  const [t, f, text] = await Promise.all([getTranslations("balance.figures"), getFormat(), getText()]);
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
              <th scope="row">{r.name ? text(r.name) : t(r.key)}</th>
              {totals.map((x) => (
                <td key={x.caregiverId} data-caregiver={x.caregiverId}>
                  {r.value(x, t, f)}
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
  const t = useTranslations("balance.figures");
  const text = useText();
  return (
    <details className={styles.help} data-testid="balance-definitions">
      <summary className="button button-quiet">{t("definitions")}</summary>
      <dl>
        {Object.entries(METRIC_DEFINITIONS).map(([key, d]) => (
          <div key={key}>
            <dt>{text(d.name)}</dt>
            <dd>{text(d.definition)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
