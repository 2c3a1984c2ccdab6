import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getBalance, MAX_CHART_NIGHTS, MAX_RANGE_NIGHTS, PERIODS, type TBalanceView } from "@/lib/balance/read-balance";
import { shareSentence, type TCaregiverTotals } from "@/lib/balance/metrics";
import { splitPercents } from "@/lib/balance/present";
import { isOwnCheckIn } from "@/lib/balance/rights";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { peopleById, type TPerson } from "@/components/nights/people";
import { BarChart, type TChartRow, type TSeries } from "@/components/balance/charts";
import { SplitBars, type TSplitMeasure } from "@/components/balance/split-bars";
import { Definitions, FiguresTable } from "@/components/balance/figures-table";
import { WarningList } from "@/components/balance/warning-list";
import { CheckInForm } from "@/components/balance/check-in-form";
import styles from "@/components/balance/balance.module.css";
import type { TFormat } from "@/lib/format";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import { msg } from "@/lib/i18n/text";
import { toDbDate, type TLocalDate } from "@/lib/time/local-date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("balance");
  return { title: t("title") };
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * The split bars: wakings, nights on duty and minutes awake as each parent's
 * part (whole percentages adding up to 100), and the typical protected sleep
 * in hours (counted only on nights with a duty plan). Two parents or more.
 */
function splitMeasures(
  parents: TCaregiverTotals[],
  person: (id: string) => TPerson,
  t: (key: string, values?: Record<string, string | number>) => string,
  f: TFormat,
): TSplitMeasure[] {
  const share = (key: string, name: string, none: string, value: (x: TCaregiverTotals) => number): TSplitMeasure => {
    const pct = splitPercents(parents.map(value));
    return {
      key,
      name,
      none,
      parts: pct
        ? parents.map((x, i) => {
            const p = person(x.caregiverId);
            return {
              id: p.id,
              name: p.name,
              colour: p.colour,
              value: pct[i]!,
              text: t("split.percent", { value: pct[i]! }),
            };
          })
        : null,
    };
  };
  const planned = parents.some((x) => x.protectedByNight.length);
  return [
    share("wakings", t("split.wakings"), t("split.wakingsNone"), (x) => x.wakings),
    share("nightsOnDuty", t("split.nightsOnDuty"), t("split.nightsOnDutyNone"), (x) => x.nightsOnDuty),
    share("minutesAwake", t("split.minutesAwake"), t("split.minutesAwakeNone"), (x) => x.awakeMinutes),
    {
      key: "protectedSleep",
      name: t("split.protectedSleep"),
      none: t("split.protectedSleepNone"),
      parts: planned
        ? parents.map((x) => {
            const p = person(x.caregiverId);
            return {
              id: p.id,
              name: p.name,
              colour: p.colour,
              value: x.protectedMedian,
              text: x.protectedByNight.length ? f.durationShort(x.protectedMedian * 60_000) : "–",
            };
          })
        : null,
    },
  ];
}

export default async function BalancePage({ searchParams }: { searchParams: TSearchParams }) {
  const { actor, membership } = await requireMemberOrRedirect("/balance");
  const [t, f, text] = await Promise.all([getTranslations("balance"), getFormat(), getText()]);
  const sp = await searchParams;
  const householdId = membership.householdId;
  const query = { period: firstParam(sp.period), from: firstParam(sp.from), to: firstParam(sp.to) };
  let view: TBalanceView;
  let rangeError: string | null = null;
  try {
    view = await getBalance(actor, { householdId, ...query });
  } catch (e) {
    if (!isAppError(e) || e.code !== "invalid") throw e;
    rangeError = text(e.text);
    view = await getBalance(actor, { householdId });
  }
  // Someone who left is named on their figures of the past; the choices below are members only.
  // Names in the reader's words (a former caregiver's name may be a message reference).
  const byId = peopleById([...view.caregivers, ...view.former], text(msg("nights.people.someoneWhoLeft")));
  const person = (id: string) => {
    const p = byId(id);
    return { ...p, name: text(p.name) };
  };
  const parents = view.totals.filter((t) => t.role === "parent");
  const helpers = view.totals.filter((t) => t.role === "helper");
  const sel = view.selection;
  const captionValues = { kind: sel.kind, nights: sel.nights, from: f.shortDay(sel.from), to: f.shortDay(sel.to) };
  // A message reference (lib/balance/metrics.ts) with the period in the reader's words.
  const sentence = shareSentence(parents, (id) => person(id).name, captionValues);
  // A chart's night: "27 Nov", the date read as the day it is (UTC midnight, in UTC).
  const nightLabel = (date: TLocalDate) => f.shortDateIn(toDbDate(date), "UTC");
  const charted = [...view.caregivers, ...view.former.filter((c) => view.totals.some((t) => t.caregiverId === c.id))];
  const series: TSeries[] = charted.map((c) => ({ id: c.id, name: text(c.name), colour: c.colour }));
  const parentSeries = series.filter((s) => charted.find((c) => c.id === s.id)?.role === "parent");
  const rows = (value: (fig: TBalanceView["nights"][number]["figures"][number]) => number | null): TChartRow[] =>
    view.nights.map((n) => ({
      date: n.date,
      label: nightLabel(n.date),
      values: Object.fromEntries(n.figures.map((fig) => [fig.caregiverId, value(fig)])),
    }));
  const others = view.caregivers.filter((c) => !c.isMe);
  const partnerWords = others.length ? f.listNames(others.map((c) => text(c.name))) : t("page.theHousehold");
  const sharedBy = [...new Set(view.checkIns.map((c) => c.caregiverId))];
  const checkInDates = [...new Set(view.checkIns.map((c) => c.date))].sort();
  const checkInRows: TChartRow[] = checkInDates.map((d) => ({
    date: d,
    label: nightLabel(d),
    values: Object.fromEntries(view.checkIns.filter((c) => c.date === d).map((c) => [c.caregiverId, c.sleepiness])),
  }));
  const hasAny = view.totals.some((t) => t.dutyMinutes > 0 || t.wakings > 0);
  const sleepRows = rows((fig) => (fig.protectedMinutes === null ? null : oneDecimal(fig.protectedMinutes / 60)));
  const anyPlanned = sleepRows.some((r) => Object.values(r.values).some((v) => v !== null));

  return (
    <div className={`page ${styles.page}`}>
      <div className="page-header">
        <h1>{t("page.heading")}</h1>
        <p>{t("page.intro")}</p>
      </div>

      <div className={styles.columns}>
        <div className={styles.column}>
          <section className="card stack" aria-labelledby="figures-heading" data-testid="balance-summary">
            <h2 id="figures-heading">
              {sel.kind === "period" ? t("page.lastNights", { nights: sel.nights }) : f.rangeLabel(sel.from, sel.to)}
            </h2>
            <nav aria-label={t("page.periodNav")}>
              <ul className={styles.periods}>
                {PERIODS.map((p) => (
                  <li key={p}>
                    <Link
                      href={`/balance?period=${p}`}
                      aria-current={sel.kind === "period" && sel.nights === p ? "page" : undefined}
                    >
                      {t("page.periodLink", { nights: p })}
                    </Link>
                  </li>
                ))}
                <li>
                  <details className={styles.choose} open={sel.kind === "range" || Boolean(rangeError)}>
                    <summary>{t("page.chooseDates")}</summary>
                    <form method="get" action="/balance" className={styles.range} aria-label={t("page.chooseDates")}>
                      <div className="field">
                        <label htmlFor="range-from">{t("page.firstNight")}</label>
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
                        <label htmlFor="range-to">{t("page.lastNight")}</label>
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
                        {t("page.show")}
                      </button>
                    </form>
                    <p className="small muted" id="range-hint">
                      {t("page.rangeHint", { max: MAX_RANGE_NIGHTS })}
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
                    {text(sentence)}
                  </p>
                ) : null}
                {parents.length > 1 ? <SplitBars measures={splitMeasures(parents, person, t, f)} /> : null}
              </>
            ) : (
              <div className="empty-state" data-testid="balance-empty">
                <p>
                  <strong>{t("page.emptyTitle")}</strong>
                </p>
                <p>{t("page.emptyBody")}</p>
              </div>
            )}
          </section>

          {view.warnings.length ? (
            <section className="card" aria-labelledby="warnings-heading">
              <h2 id="warnings-heading">{t("page.warningsHeading")}</h2>
              <WarningList householdId={view.household.id} warnings={view.warnings} people={view.caregivers} />
            </section>
          ) : null}

          {view.rest.suggested ? (
            <section className={`card ${styles.rest}`} aria-labelledby="rest-heading" data-testid="rest-suggestion">
              <h2 id="rest-heading">{t("page.restHeading")}</h2>
              <p>{t("page.restBody")}</p>
              <p>{text(view.rest.supportText)}</p>
            </section>
          ) : null}

          {hasAny ? (
            <section className="card stack" aria-labelledby="table-heading">
              <h2 id="table-heading">{t("page.figuresHeading")}</h2>
              <FiguresTable
                totals={parents}
                people={person}
                caption={t("page.parentsCaption", captionValues)}
                testId="parents-table"
              />
              {helpers.length ? (
                <>
                  <h3>{t("page.helpersHeading")}</h3>
                  <p className="small muted">{t("page.helpersNote")}</p>
                  <FiguresTable
                    totals={helpers}
                    people={person}
                    caption={t("page.helpersCaption", captionValues)}
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
              <h2 id="charts-heading">{t("page.chartsHeading")}</h2>
              {view.nights.length ? (
                <>
                  <h3>{t("page.awakeHeading")}</h3>
                  <BarChart
                    rows={rows((fig) => Math.round(fig.awakeMinutes))}
                    series={series}
                    unit={t("page.unitMinutes")}
                    caption={t("page.awakeCaption")}
                    testId="awake-table"
                    stacked
                  />
                  {anyPlanned ? (
                    <>
                      <h3>{t("page.sleepHeading")}</h3>
                      <BarChart
                        rows={sleepRows}
                        series={parentSeries}
                        unit={t("page.unitHours")}
                        caption={t("page.sleepCaption")}
                        testId="sleep-table"
                      />
                    </>
                  ) : null}
                </>
              ) : (
                <p className="muted">{t("page.tooManyNights", { max: MAX_CHART_NIGHTS })}</p>
              )}
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="checkin-heading">
            <h2 id="checkin-heading">{t("mornings.heading")}</h2>
            <p className="small muted">{t("mornings.intro")}</p>
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
                <h3>{t("mornings.listHeading")}</h3>
                <p className="small muted">
                  {t("mornings.listNote", {
                    othersShared: view.checkIns.some((c) => !isOwnCheckIn(view.me, c)) ? "yes" : "no",
                  })}
                </p>
                <BarChart
                  rows={checkInRows}
                  series={series.filter((s) => sharedBy.includes(s.id))}
                  unit={t("page.unitOfNine")}
                  caption={t("mornings.sleepinessCaption")}
                  testId="sleepiness-table"
                  top={9}
                />
                <ul className="list" data-testid="check-in-list">
                  {view.checkIns
                    .slice(-6)
                    .reverse()
                    .map((c) => (
                      <li key={c.id} className="small" data-testid="check-in-item" data-caregiver={c.caregiverId}>
                        {t.rich("mornings.item", {
                          strong: (chunks) => <strong>{chunks}</strong>,
                          own: isOwnCheckIn(view.me, c) ? "yes" : "no",
                          name: person(c.caregiverId).name,
                          date: f.shortDay(c.date),
                          sleepiness: c.sleepiness,
                          mood: c.mood ?? "none",
                          hasNote: c.note ? "yes" : "no",
                          note: c.note ?? "",
                        })}
                        {isOwnCheckIn(view.me, c) ? (
                          <span className="muted">
                            {" "}
                            {t("mornings.visibility", { shared: c.shared ? "yes" : "no" })}
                          </span>
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
