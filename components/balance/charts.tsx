import { useLocale, useTranslations } from "next-intl";
import { colourClass, Swatch } from "@/components/nights/shift-chip";
import styles from "@/components/balance/balance.module.css";

// Balance's charts, drawn on the server as plain SVG (no chart library, no
// client JavaScript). They use the caregivers' colour classes of the night
// screens (a `--cg` custom property on each series' <g>), so day and night
// themes need nothing extra. The SVG is hidden from screen readers: every
// chart has its numbers as a table under "Show as table", and that table is
// what a screen reader (or a browser without styles) reads.

export type TSeries = { id: string; name: string; colour: number };
export type TChartRow = { date: string; label: string; values: Record<string, number | null> };

/** The chart's own units: a 360-wide box, about the width of a phone's card, so 11-unit text reads as ~11 px there. */
const W = 360;
const H = 170;
const PAD = { top: 8, right: 4, bottom: 20, left: 30 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** A round top for the axis: 1, 2 or 5 × a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p;
}

/** A figure as the reader writes numbers ("1.5", "1,5"), at most one decimal, no grouping (as on an axis). */
function useNumber(): (n: number) => string {
  const locale = useLocale();
  // The pseudo-locale writes numbers as British English (Intl doesn't know en-XA).
  const nf = new Intl.NumberFormat(locale === "en-XA" ? "en-GB" : locale, {
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return (n) => nf.format(n);
}

function Key({ series }: { series: TSeries[] }) {
  return (
    <ul className={`${styles.keyList} small`} aria-hidden="true">
      {series.map((s) => (
        <li key={s.id}>
          <Swatch colour={s.colour} /> {s.name}
        </li>
      ))}
    </ul>
  );
}

function AsTable({
  caption,
  rows,
  series,
  unit,
  testId,
}: {
  caption: string;
  rows: TChartRow[];
  series: TSeries[];
  unit: string;
  testId: string;
}) {
  const t = useTranslations("balance.charts");
  const number = useNumber();
  return (
    <details>
      <summary className="button button-quiet">{t("showAsTable")}</summary>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("night")}</th>
              {series.map((s) => (
                <th scope="col" key={s.id}>
                  {t("column", { name: s.name, unit })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <th scope="row">{r.label}</th>
                {series.map((s) => {
                  const v = r.values[s.id];
                  return <td key={s.id}>{v === null || v === undefined ? "–" : number(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * One band per night: the series stacked in one bar (`stacked`) or side by
 * side. A missing value (null) draws nothing. `top` fixes the axis (e.g. 9 for
 * sleepiness); otherwise it is rounded up from the data.
 */
export function BarChart({
  rows,
  series,
  unit,
  caption,
  testId,
  stacked = false,
  top,
}: {
  rows: TChartRow[];
  series: TSeries[];
  unit: string;
  caption: string;
  testId: string;
  stacked?: boolean;
  top?: number;
}) {
  const number = useNumber();
  const value = (r: TChartRow, id: string) => Math.max(0, r.values[id] ?? 0);
  const highest = Math.max(
    0,
    ...rows.map((r) =>
      stacked ? series.reduce((s, x) => s + value(r, x.id), 0) : Math.max(0, ...series.map((x) => value(r, x.id))),
    ),
  );
  const max = top ?? niceMax(highest);
  const y = (v: number) => PAD.top + PLOT_H - (Math.min(v, max) / max) * PLOT_H;
  const band = PLOT_W / Math.max(1, rows.length);
  const gap = Math.min(4, band * 0.2);
  const barW = stacked ? band - gap : (band - gap) / Math.max(1, series.length);
  // About seven night labels, counted back from the last night so it always has one.
  const every = Math.max(1, Math.ceil(rows.length / 7));
  const ticks = [0, max / 2, max];
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${W} ${H}`}
        aria-hidden="true"
        focusable="false"
        data-testid={`${testId}-chart`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text className={styles.axis} x={PAD.left - 4} y={y(t) + 4} textAnchor="end">
              {number(t)}
            </text>
          </g>
        ))}
        {series.map((s, si) => (
          <g key={s.id} className={colourClass(s.colour)} fill="var(--cg)">
            {rows.map((r, ri) => {
              const v = r.values[s.id];
              if (v === null || v === undefined || v <= 0) return null;
              const below = stacked ? series.slice(0, si).reduce((sum, x) => sum + value(r, x.id), 0) : 0;
              const x = PAD.left + ri * band + gap / 2 + (stacked ? 0 : si * barW);
              return (
                <rect
                  key={r.date}
                  x={x}
                  y={y(below + v)}
                  width={Math.max(1, barW - (stacked ? 0 : 1))}
                  height={Math.max(0, y(below) - y(below + v))}
                  rx={Math.min(2, barW / 4)}
                />
              );
            })}
          </g>
        ))}
        {rows.map((r, ri) =>
          (rows.length - 1 - ri) % every === 0 ? (
            <text key={r.date} className={styles.axis} x={PAD.left + (ri + 0.5) * band} y={H - 6} textAnchor="middle">
              {r.label}
            </text>
          ) : null,
        )}
      </svg>
      <Key series={series} />
      <figcaption className="small muted">{caption}</figcaption>
      <AsTable caption={caption} rows={rows} series={series} unit={unit} testId={testId} />
    </figure>
  );
}
