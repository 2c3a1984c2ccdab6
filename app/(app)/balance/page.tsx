import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getBalance, MAX_CHART_NIGHTS, MAX_RANGE_NIGHTS, PERIODS, type TBalanceView } from "@/lib/balance/read-balance";
import { shareSentence, type TCaregiverTotals } from "@/lib/balance/metrics";
import { splitPercents } from "@/lib/balance/present";
import { MOOD_WORDS } from "@/lib/balance/check-in-words";
import { isOwnCheckIn } from "@/lib/balance/rights";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { peopleById } from "@/components/nights/people";
import { BarChart, type TChartRow, type TSeries } from "@/components/balance/charts";
import { SplitBars, type TSplitMeasure } from "@/components/balance/split-bars";
import { Definitions, FiguresTable } from "@/components/balance/figures-table";
import { WarningList } from "@/components/balance/warning-list";
import { CheckInForm } from "@/components/balance/check-in-form";
import styles from "@/components/balance/balance.module.css";
import { durationShort, listNames, rangeLabel, shortDay } from "@/lib/format";

export const metadata: Metadata = { title: "Balance" };

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * The split bars: wakings, nights on duty and minutes awake as each parent's
 * part (whole percentages adding up to 100), and the typical protected sleep
 * in hours (counted only on nights with a duty plan). Two parents or more.
 */
function splitMeasures(parents: TCaregiverTotals[], person: ReturnType<typeof peopleById>): TSplitMeasure[] {
  const share = (key: string, name: string, none: string, value: (t: TCaregiverTotals) => number): TSplitMeasure => {
    const pct = splitPercents(parents.map(value));
    return {
      key,
      name,
      none,
      parts: pct
        ? parents.map((t, i) => {
            const p = person(t.caregiverId);
            return { id: p.id, name: p.name, colour: p.colour, value: pct[i]!, text: `${pct[i]}%` };
          })
        : null,
    };
  };
  const planned = parents.some((t) => t.protectedByNight.length);
  return [
    share("wakings", "Wakings", "No wakings logged in these nights.", (t) => t.wakings),
    share("nightsOnDuty", "Nights on duty", "No nights planned in these nights.", (t) => t.nightsOnDuty),
    share("minutesAwake", "Time awake", "Nobody was up in these nights.", (t) => t.awakeMinutes),
    {
      key: "protectedSleep",
      name: "Protected sleep, typical night",
      none: "Counted on planned nights only, and none of these nights had a plan.",
      parts: planned
        ? parents.map((t) => {
            const p = person(t.caregiverId);
            return {
              id: p.id,
              name: p.name,
              colour: p.colour,
              value: t.protectedMedian,
              text: t.protectedByNight.length ? durationShort(t.protectedMedian * 60_000) : "–",
            };
          })
        : null,
    },
  ];
}

export default async function BalancePage({ searchParams }: { searchParams: TSearchParams }) {
  const { actor, membership } = await requireMemberOrRedirect("/balance");
  const sp = await searchParams;
  const householdId = membership.householdId;
  const query = { period: firstParam(sp.period), from: firstParam(sp.from), to: firstParam(sp.to) };
  let view: TBalanceView;
  let rangeError: string | null = null;
  try {
    view = await getBalance(actor, { householdId, ...query });
  } catch (e) {
    if (!isAppError(e) || e.code !== "invalid") throw e;
    rangeError = e.message;
    view = await getBalance(actor, { householdId });
  }
  // Someone who left is named on their figures of the past; the choices below are members only.
  const person = peopleById([...view.caregivers, ...view.former]);
  const parents = view.totals.filter((t) => t.role === "parent");
  const helpers = view.totals.filter((t) => t.role === "helper");
  const sel = view.selection;
  const periodWords =
    sel.kind === "period" ? `Over the last ${sel.nights} nights` : `From ${shortDay(sel.from)} to ${shortDay(sel.to)}`;
  const sentence = shareSentence(parents, (id) => person(id).name, periodWords);
  const charted = [...view.caregivers, ...view.former.filter((c) => view.totals.some((t) => t.caregiverId === c.id))];
  const series: TSeries[] = charted.map((c) => ({ id: c.id, name: c.name, colour: c.colour }));
  const parentSeries = series.filter((s) => charted.find((c) => c.id === s.id)?.role === "parent");
  const rows = (value: (f: TBalanceView["nights"][number]["figures"][number]) => number | null): TChartRow[] =>
    view.nights.map((n) => ({
      date: n.date,
      label: shortDay(n.date).replace(/^\w+ /, ""),
      values: Object.fromEntries(n.figures.map((f) => [f.caregiverId, value(f)])),
    }));
  const others = view.caregivers.filter((c) => !c.isMe);
  const partnerWords = others.length ? listNames(others.map((c) => c.name)) : "the household";
  const sharedBy = [...new Set(view.checkIns.map((c) => c.caregiverId))];
  const checkInDates = [...new Set(view.checkIns.map((c) => c.date))].sort();
  const checkInRows: TChartRow[] = checkInDates.map((d) => ({
    date: d,
    label: shortDay(d).replace(/^\w+ /, ""),
    values: Object.fromEntries(view.checkIns.filter((c) => c.date === d).map((c) => [c.caregiverId, c.sleepiness])),
  }));
  const hasAny = view.totals.some((t) => t.dutyMinutes > 0 || t.wakings > 0);
  const sleepRows = rows((f) => (f.protectedMinutes === null ? null : oneDecimal(f.protectedMinutes / 60)));
  const anyPlanned = sleepRows.some((r) => Object.values(r.values).some((v) => v !== null));

  return (
    <div className={`page ${styles.page}`}>
      <div className="page-header">
        <h1>Balance</h1>
        <p>How the nights are shared: who was on duty, who got up, and who got to sleep.</p>
      </div>

      <div className={styles.columns}>
        <div className={styles.column}>
          <section className="card stack" aria-labelledby="figures-heading" data-testid="balance-summary">
            <h2 id="figures-heading">
              {sel.kind === "period" ? `The last ${sel.nights} nights` : rangeLabel(sel.from, sel.to)}
            </h2>
            <nav aria-label="Period">
              <ul className={styles.periods}>
                {PERIODS.map((p) => (
                  <li key={p}>
                    <Link
                      href={`/balance?period=${p}`}
                      aria-current={sel.kind === "period" && sel.nights === p ? "page" : undefined}
                    >
                      {p} nights
                    </Link>
                  </li>
                ))}
                <li>
                  <details className={styles.choose} open={sel.kind === "range" || Boolean(rangeError)}>
                    <summary>Choose dates</summary>
                    <form method="get" action="/balance" className={styles.range} aria-label="Choose dates">
                      <div className="field">
                        <label htmlFor="range-from">First night</label>
                        <input
                          id="range-from"
                          name="from"
                          type="date"
                          required
                          defaultValue={sel.from}
                          max={view.lastNight}
                          aria-invalid={rangeError ? true : undefined}
                          aria-describedby={rangeError ? "range-error" : "range-hint"}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor="range-to">Last night</label>
                        <input
                          id="range-to"
                          name="to"
                          type="date"
                          required
                          defaultValue={sel.to}
                          max={view.lastNight}
                        />
                      </div>
                      <button type="submit" className="button button-secondary">
                        Show
                      </button>
                    </form>
                    <p className="small muted" id="range-hint">
                      Up to {MAX_RANGE_NIGHTS} nights, ending with last night at the latest.
                    </p>
                    {rangeError ? (
                      <p className="field-error" id="range-error" data-testid="range-error">
                        {rangeError}
                      </p>
                    ) : null}
                  </details>
                </li>
              </ul>
            </nav>

            {hasAny ? (
              <>
                {sentence ? (
                  <p className={styles.summary} data-testid="share-summary">
                    {sentence}
                  </p>
                ) : null}
                {parents.length > 1 ? <SplitBars measures={splitMeasures(parents, person)} /> : null}
              </>
            ) : (
              <div className="empty-state" data-testid="balance-empty">
                <p>
                  <strong>Nothing to weigh up yet.</strong>
                </p>
                <p>
                  Balance fills in by itself. Once nights are planned and wakings logged, you&apos;ll see here who was
                  up, who got to sleep, and whether the nights are shared the way you both want.
                </p>
              </div>
            )}
          </section>

          {view.warnings.length ? (
            <section className="card" aria-labelledby="warnings-heading">
              <h2 id="warnings-heading">Worth a look</h2>
              <WarningList householdId={view.household.id} warnings={view.warnings} people={view.caregivers} />
            </section>
          ) : null}

          {view.rest.suggested ? (
            <section className={`card ${styles.rest}`} aria-labelledby="rest-heading" data-testid="rest-suggestion">
              <h2 id="rest-heading">Go gently</h2>
              <p>
                You&apos;ve felt very sleepy three mornings in a row. That is hard, and it makes sense after nights like
                these. Could you hand over a night, or nap while someone else has the baby?
              </p>
              <p>{view.rest.supportText}</p>
            </section>
          ) : null}

          {hasAny ? (
            <section className="card stack" aria-labelledby="table-heading">
              <h2 id="table-heading">The figures</h2>
              <FiguresTable
                totals={parents}
                people={person}
                caption={`Parents, ${periodWords.toLowerCase()}`}
                testId="parents-table"
              />
              {helpers.length ? (
                <>
                  <h3>Helpers</h3>
                  <p className="small muted">
                    Helpers&apos; nights are shown on their own and never count in the parents&apos; shares.
                  </p>
                  <FiguresTable
                    totals={helpers}
                    people={person}
                    caption={`Helpers, ${periodWords.toLowerCase()}`}
                    testId="helpers-table"
                    helpers
                  />
                </>
              ) : null}
              <Definitions />
            </section>
          ) : null}
        </div>

        <div className={styles.column}>
          {hasAny ? (
            <section className="card stack" aria-labelledby="charts-heading">
              <h2 id="charts-heading">Night by night</h2>
              {view.nights.length ? (
                <>
                  <h3>Minutes awake</h3>
                  <BarChart
                    rows={rows((f) => Math.round(f.awakeMinutes))}
                    series={series}
                    unit="min"
                    caption="Minutes awake responding, each night, by who got up."
                    testId="awake-table"
                    stacked
                  />
                  {anyPlanned ? (
                    <>
                      <h3>Longest protected sleep</h3>
                      <BarChart
                        rows={sleepRows}
                        series={parentSeries}
                        unit="h"
                        caption="Longest protected sleep each night, in hours; nights without a plan have none."
                        testId="sleep-table"
                      />
                    </>
                  ) : null}
                </>
              ) : (
                <p className="muted">
                  The charts show up to {MAX_CHART_NIGHTS} nights at a time. Choose a shorter range to see each night.
                </p>
              )}
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="checkin-heading">
            <h2 id="checkin-heading">Morning check-in</h2>
            <p className="small muted">About 20 seconds. Yours alone unless you choose to share it.</p>
            <CheckInForm
              householdId={view.household.id}
              partnerWords={partnerWords}
              today={
                view.myCheckInToday && {
                  sleepiness: view.myCheckInToday.sleepiness,
                  mood: view.myCheckInToday.mood,
                  note: view.myCheckInToday.note,
                  shared: view.myCheckInToday.shared,
                }
              }
            />
            {checkInRows.length ? (
              <>
                <h3>Mornings</h3>
                <p className="small muted">
                  Your own check-ins
                  {view.checkIns.some((c) => !isOwnCheckIn(view.me, c)) ? ", and the ones others chose to share" : ""},
                  the last 30 days.
                </p>
                <BarChart
                  rows={checkInRows}
                  series={series.filter((s) => sharedBy.includes(s.id))}
                  unit="of 9"
                  caption="Sleepiness each morning, from 1 (wide awake) to 9 (fighting sleep)."
                  testId="sleepiness-table"
                  top={9}
                />
                <ul className="list" data-testid="check-in-list">
                  {view.checkIns
                    .slice(-6)
                    .reverse()
                    .map((c) => (
                      <li key={c.id} className="small" data-testid="check-in-item" data-caregiver={c.caregiverId}>
                        <strong>{isOwnCheckIn(view.me, c) ? "You" : person(c.caregiverId).name}</strong>,{" "}
                        {shortDay(c.date)}: sleepiness {c.sleepiness}
                        {c.mood ? `, ${MOOD_WORDS[c.mood].toLowerCase()}` : ""}
                        {c.note ? ` — “${c.note}”` : ""}
                        {isOwnCheckIn(view.me, c) ? (
                          <span className="muted"> ({c.shared ? "shared" : "private"})</span>
                        ) : null}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>
      </div>
    </div>
  );
}
