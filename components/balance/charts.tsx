"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { colourClass, Swatch } from "@/components/nights/shift-chip";
import styles from "@/components/balance/balance.module.css";

// Charts draw with the caregivers' colour classes of the night screens (a
// `--cg` custom property set on each series' <g>), so day and night themes
// need nothing extra. recharts is client-only; every chart has its numbers
// as a table under "Show as table" (and the table is what a screen reader
// reads: the SVG itself is hidden from it).

export type TSeries = { id: string; name: string; colour: number };
export type TChartRow = { date: string; label: string; values: Record<string, number | null> };

function ChartTooltip({
  active,
  payload,
  label,
  unit,
  series,
}: Partial<TooltipContentProps<number, string>> & { unit: string; series: TSeries[] }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="card small" style={{ padding: "0.5rem 0.7rem", margin: 0 }}>
      <strong>{label}</strong>
      {payload.map((p) => {
        const s = series.find((x) => x.id === p.dataKey);
        return s ? (
          <div key={s.id}>
            {s.name}: {p.value === null || p.value === undefined ? "–" : `${p.value} ${unit}`}
          </div>
        ) : null;
      })}
    </div>
  );
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
  return (
    <details>
      <summary className="button button-quiet">Show as table</summary>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Night</th>
              {series.map((s) => (
                <th scope="col" key={s.id}>
                  {s.name} ({unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <th scope="row">{r.label}</th>
                {series.map((s) => (
                  <td key={s.id}>{r.values[s.id] ?? "–"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const flat = (rows: TChartRow[]) => rows.map((r) => ({ label: r.label, ...r.values }));

/** Minutes awake each night, stacked by caregiver. */
export function AwakeChart({ rows, series }: { rows: TChartRow[]; series: TSeries[] }) {
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <div className={styles.chart} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={flat(rows)} margin={{ top: 8, right: 4, bottom: 0, left: -18 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={8} />
            <YAxis allowDecimals={false} tickLine={false} width={48} />
            <Tooltip
              content={<ChartTooltip unit="min" series={series} />}
              cursor={{ fill: "var(--surface-2)" }}
              isAnimationActive={false}
            />
            {series.map((s) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.name}
                stackId="awake"
                className={colourClass(s.colour)}
                fill="var(--cg)"
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Key series={series} />
      <figcaption className="small muted">Minutes awake responding, each night, by who got up.</figcaption>
      <AsTable
        caption="Minutes awake responding, each night"
        rows={rows}
        series={series}
        unit="min"
        testId="awake-table"
      />
    </figure>
  );
}

/** A line per caregiver over the nights or mornings: protected sleep (hours), or shared sleepiness (1–9). */
export function TrendChart({
  rows,
  series,
  unit,
  caption,
  testId,
  domain,
  ticks,
}: {
  rows: TChartRow[];
  series: TSeries[];
  unit: string;
  caption: string;
  testId: string;
  domain: [number, number | "auto"];
  ticks?: number[];
}) {
  return (
    <figure className="stack" style={{ margin: 0 }}>
      <div className={styles.chart} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={flat(rows)} margin={{ top: 8, right: 8, bottom: 0, left: -18 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={8} />
            <YAxis tickLine={false} width={48} domain={domain} ticks={ticks} />
            <Tooltip content={<ChartTooltip unit={unit} series={series} />} isAnimationActive={false} />
            {series.map((s) => (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.name}
                className={colourClass(s.colour)}
                stroke="var(--cg)"
                strokeWidth={3}
                dot={{ r: 3, className: colourClass(s.colour), fill: "var(--cg)", stroke: "var(--cg)" }}
                activeDot={{ r: 5, className: colourClass(s.colour), fill: "var(--cg)", stroke: "var(--cg)" }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Key series={series} />
      <figcaption className="small muted">{caption}</figcaption>
      <AsTable caption={caption} rows={rows} series={series} unit={unit} testId={testId} />
    </figure>
  );
}
