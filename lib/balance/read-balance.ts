import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdQuery, type THouseholdClock, type TMe } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { ZId } from "@/lib/validation";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import type { TNightCaregiver } from "@/lib/nights/read-nights";
import {
  nightFigures,
  summarize,
  type TCaregiverIn,
  type TCaregiverTotals,
  type TNightFigure,
  type TNightIn,
} from "@/lib/balance/metrics";
import {
  balanceWarnings,
  holdersOf,
  SHARE_NIGHTS,
  type TThresholds,
  type TUpcomingShift,
  type TWarning,
} from "@/lib/balance/warnings";
import { rangeFigures } from "@/lib/balance/range-sql";
import { visibleCheckIns, type TCheckInView } from "@/lib/balance/check-ins";
import { DEFAULT_SUPPORT_TEXT, needsRest } from "@/lib/balance/check-in-words";
import { isOwnCheckIn } from "@/lib/balance/rights";
import {
  addDays,
  datesBetween,
  daysBetween,
  fromDbDate,
  localDateOf,
  toDbDate,
  toLocalDate,
  type TLocalDate,
} from "@/lib/time/local-date";
import { formerCaregivers, nightCaregivers } from "@/lib/nights/read-nights";
import { detailsOf, everyoneOf, type THouseholdDetails } from "@/lib/household/details";

// The Balance page and the Tonight warnings card read through here. Every
// query is bounded by an indexed range of nights (the last 30 and the next
// week) or is small by nature (caregivers, pending swaps), so the number of
// statements and the rows read stay the same whether the household has a
// month of history or years. A chosen range of up to a year is aggregated by
// Postgres (range-sql.ts), one more statement.

export const PERIODS = [7, 14, 30] as const;
export type TPeriod = (typeof PERIODS)[number];
/** The longest chosen range, in nights. */
export const MAX_RANGE_NIGHTS = 366;
/** Charts draw one bar per night up to this many. */
export const MAX_CHART_NIGHTS = 31;
const UPCOMING_NIGHTS = 7;

/** A caregiver as the night screens show them (name, role, colour), so the charts match the calendar. */
export type TBalanceCaregiver = TNightCaregiver;
export type TBalanceNight = { date: TLocalDate; figures: TNightFigure[] };
export type TBalanceView = {
  household: Omit<THouseholdClock, "name"> & TThresholds;
  me: Pick<TMe, "caregiverId" | "role">;
  caregivers: TBalanceCaregiver[];
  /** Those who left, to name their figures of the past (never offered as a choice). */
  former: TBalanceCaregiver[];
  tonight: TLocalDate;
  lastNight: TLocalDate;
  today: TLocalDate;
  /** What is shown: a period of the last N nights, or a chosen range. */
  selection:
    | { kind: "period"; nights: TPeriod; from: TLocalDate; to: TLocalDate }
    | { kind: "range"; from: TLocalDate; to: TLocalDate; nights: number };
  totals: TCaregiverTotals[];
  /** Per-night figures of the selection, for the charts (empty when it is longer than MAX_CHART_NIGHTS). */
  nights: TBalanceNight[];
  warnings: TWarning[];
  checkIns: TCheckInView[];
  myCheckInToday: TCheckInView | null;
  /** `supportText`: the household's own words, or Attune's (a message reference, lib/i18n/text.ts). */
  rest: { suggested: boolean; supportText: string };
};

type TPeople = THouseholdDetails;

/** What the clock in the context doesn't hold: the thresholds, the support text and the caregivers (cached details). */
const loadPeople = (householdId: string) => detailsOf(householdId);

const thresholdsOf = ({ thresholds: t }: TPeople): TThresholds => ({
  warnConsecutive: t.warnConsecutive,
  warnSharePercent: t.warnSharePercent,
  warnSleepMinutes: t.warnSleepMinutes,
  warnSleepNights: t.warnSleepNights,
});

const people = (h: TPeople) => h.members.map((c) => ({ id: c.caregiverId, role: c.role, name: c.name }));
/** Who has figures: everyone who has been a member, so the past stays as it was after someone leaves (docs/decisions/0030). */
const figureCaregivers = (h: TPeople): TCaregiverIn[] =>
  everyoneOf(h).map((c) => ({ id: c.caregiverId, role: c.role, removedAt: c.removedAt }));

function windows(clock: THouseholdClock, from: TLocalDate, to: TLocalDate): TNightIn[] {
  return datesBetween(from, to).map((d) => {
    const w = nightWindow(d, clock.timeZone, clock.nightStart, clock.nightEnd);
    return { date: d, start: w.start, end: w.end };
  });
}

/**
 * The raw rows of the nights from..lastNight (figures) and lastNight+1 ..
 * +UPCOMING_NIGHTS (coming shifts, for the offers): one statement of four bounded parts.
 */
async function loadNights(
  clock: THouseholdClock,
  caregivers: TCaregiverIn[],
  from: TLocalDate,
  lastNight: TLocalDate,
  now: Date,
) {
  const householdId = clock.id;
  const nights = windows(clock, from, lastNight);
  const until = addDays(lastNight, UPCOMING_NIGHTS + 1);
  // Shifts, wakings, tap-outs and pending swaps in one statement (relation joins), each bounded by an indexed range.
  const rows = await db.household.findUnique({
    relationLoadStrategy: "join",
    where: { id: householdId },
    select: {
      shifts: {
        where: { nightDate: { gte: toDbDate(from), lte: toDbDate(until) } },
        select: { id: true, caregiverId: true, nightDate: true, startsAt: true, endsAt: true },
      },
      wakings: {
        where: { nightDate: { gte: toDbDate(from), lte: toDbDate(lastNight) } },
        select: { responderId: true, nightDate: true, startedAt: true, endedAt: true },
      },
      tapOuts: {
        // By the indexed instant; a day either side catches every request filed under these nights.
        where: {
          requestedAt: {
            gte: new Date(nights[0]!.start.getTime() - 86_400_000),
            lt: new Date(nights[nights.length - 1]!.end.getTime() + 86_400_000),
          },
        },
        select: { requesterId: true, nightDate: true, requestedAt: true, answer: true, answeredById: true },
      },
      swaps: { where: { status: "pending", endsAt: { gt: now } }, select: { shiftId: true } },
    },
  });
  const shifts = rows?.shifts ?? [];
  const wakings = rows?.wakings ?? [];
  const tapOuts = rows?.tapOuts ?? [];
  const swaps = rows?.swaps ?? [];
  const figures = nightFigures({
    nights,
    caregivers,
    shifts: shifts.map((s) => ({ ...s, night: fromDbDate(s.nightDate) })).filter((s) => s.night <= lastNight),
    wakings: wakings.map((w) => ({ ...w, night: fromDbDate(w.nightDate) })),
    tapOuts: tapOuts
      .map((t) => ({ ...t, night: fromDbDate(t.nightDate) }))
      .filter((t) => t.night >= from && t.night <= lastNight),
    now,
  });
  const pending = new Set(swaps.map((s) => s.shiftId));
  const coming: TUpcomingShift[] = shifts
    .map((s) => ({
      id: s.id,
      caregiverId: s.caregiverId,
      night: fromDbDate(s.nightDate),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      swapPending: pending.has(s.id),
    }))
    .filter((s) => s.night > lastNight);
  // Who holds tonight is decided by all of tonight's shifts, also the part
  // already over (at 03:00 the 19:00–02:00 shift still makes it its holder's
  // night); only shifts not yet over can be offered.
  const tonight = addDays(lastNight, 1);
  return {
    figures,
    upcoming: coming.filter((s) => s.endsAt > now),
    tonightShifts: coming.filter((s) => s.night === tonight),
  };
}

function frame(clock: THouseholdClock, now: Date) {
  const tonight = currentOrNextNight(now, clock.timeZone, clock.nightStart, clock.nightEnd).date;
  return { tonight, lastNight: addDays(tonight, -1), today: localDateOf(now, clock.timeZone) };
}

export type TBalanceQuery = { period?: unknown; from?: unknown; to?: unknown };

/** Parses ?period= or ?from=&to= (a range is clamped to nights that are over). */
export function parseSelection(q: TBalanceQuery, lastNight: TLocalDate): TBalanceView["selection"] {
  if (q.from !== undefined || q.to !== undefined) {
    const first = toLocalDate(q.from);
    const last = toLocalDate(q.to);
    // The dates the rest of Attune accepts (real days, 2000–2100): a year 0001 would otherwise reach Postgres.
    if (!first || !last)
      throw invalid(msg("balance.errors.rangeBothDates"), {
        from: [msg("balance.errors.rangeFirstNight")],
        to: [msg("balance.errors.rangeLastNight")],
      });
    const to = last > lastNight ? lastNight : last;
    if (first > to) throw invalid(msg("balance.errors.rangeOrder"), { from: [msg("balance.errors.rangeBeforeLast")] });
    const nights = daysBetween(first, to) + 1;
    if (nights > MAX_RANGE_NIGHTS) {
      const tooLong = msg("balance.errors.rangeTooLong", { max: MAX_RANGE_NIGHTS });
      throw invalid(tooLong, { from: [tooLong] });
    }
    return { kind: "range", from: first, to, nights };
  }
  const n = Number(q.period ?? 7);
  const nights = (PERIODS as readonly number[]).includes(n) ? (n as TPeriod) : 7;
  return { kind: "period", nights, from: addDays(lastNight, -(nights - 1)), to: lastNight };
}

export const ZBalanceQuery = z.object({
  householdId: ZId,
  /** ?period=7|14|30, or ?from=&to= (judged by parseSelection, which knows last night). */
  period: z.unknown().optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});

/**
 * Everything the Balance page shows, as the signed-in caregiver may see it:
 * figures of the selection, warnings, and the check-ins visible to them
 * (their own, and others' shared ones; never another's private one).
 */
export const getBalance = householdQuery(
  ZBalanceQuery,
  {},
  async ({ me, household, data, now }): Promise<TBalanceView> => {
    const { tonight, lastNight, today } = frame(household, now);
    const selection = parseSelection(data, lastNight);
    const from30 = addDays(lastNight, -29);
    const h = await loadPeople(household.id);
    const caregivers = figureCaregivers(h);
    const [{ figures, upcoming, tonightShifts }, checkIns, rangeFigs] = await Promise.all([
      loadNights(household, caregivers, from30, lastNight, now),
      visibleCheckIns(me, addDays(today, -29), today),
      selection.kind === "range" && selection.from < from30
        ? rangeFigures(me, windows(household, selection.from, selection.to), caregivers, now)
        : Promise.resolve(null),
    ]);
    const selected = rangeFigs ?? figures.filter((f) => f.night >= selection.from && f.night <= selection.to);
    const tonightOnDuty = selection.to === lastNight ? holdersOf(tonightShifts, tonight) : [];
    const nightDates = [...new Set(selected.map((f) => f.night))];
    const own = checkIns.filter((c) => isOwnCheckIn(me, c));
    return {
      household: {
        id: household.id,
        timeZone: household.timeZone,
        nightStart: household.nightStart,
        nightEnd: household.nightEnd,
        locale: household.locale,
        ...thresholdsOf(h),
      },
      me: { caregiverId: me.caregiverId, role: me.role },
      caregivers: nightCaregivers(h.members, me.caregiverId),
      former: formerCaregivers(h),
      tonight,
      lastNight,
      today,
      selection,
      // Someone who left shows only where the selection holds nights of theirs.
      totals: summarize(selected, caregivers, { tonightOnDuty }).filter((t) =>
        selected.some((f) => f.caregiverId === t.caregiverId),
      ),
      nights:
        nightDates.length <= MAX_CHART_NIGHTS
          ? nightDates.map((date) => ({ date, figures: selected.filter((f) => f.night === date) }))
          : [],
      warnings: balanceWarnings({
        caregivers: people(h),
        thresholds: thresholdsOf(h),
        recent: figures,
        tonight,
        tonightShifts,
        upcoming,
        viewerId: me.caregiverId,
      }),
      checkIns,
      myCheckInToday: own.find((c) => c.date === today) ?? null,
      rest: { suggested: needsRest(own, today), supportText: h.thresholds.supportText || DEFAULT_SUPPORT_TEXT },
    };
  },
);

export type TWarningsView = { caregivers: TBalanceCaregiver[]; tonight: TLocalDate; warnings: TWarning[] };

/** Only the warnings (the Tonight card): the last SHARE_NIGHTS (7) nights and the coming week. */
export const getBalanceWarnings = householdQuery(
  z.object({ householdId: ZId }),
  {},
  async ({ me, household, now }): Promise<TWarningsView> => {
    const { tonight, lastNight } = frame(household, now);
    const h = await loadPeople(household.id);
    const { figures, upcoming, tonightShifts } = await loadNights(
      household,
      figureCaregivers(h),
      addDays(lastNight, -(SHARE_NIGHTS - 1)),
      lastNight,
      now,
    );
    return {
      caregivers: nightCaregivers(h.members, me.caregiverId),
      tonight,
      warnings: balanceWarnings({
        caregivers: people(h),
        thresholds: thresholdsOf(h),
        recent: figures,
        tonight,
        tonightShifts,
        upcoming,
        viewerId: me.caregiverId,
      }),
    };
  },
);
