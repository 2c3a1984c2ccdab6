import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { requireMember } from "@/lib/household/guard";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import {
  nightFigures,
  summarize,
  type TCaregiverIn,
  type TCaregiverTotals,
  type TNightFigure,
  type TNightIn,
  type TRole,
} from "@/lib/balance/metrics";
import {
  balanceWarnings,
  holdersOf,
  type TThresholds,
  type TUpcomingShift,
  type TWarning,
} from "@/lib/balance/warnings";
import { rangeFigures } from "@/lib/balance/range-sql";
import { visibleCheckIns, type TCheckInView } from "@/lib/balance/check-ins";
import { needsRest } from "@/lib/balance/check-in-words";
import { DEFAULT_SUPPORT_TEXT } from "@/lib/balance/settings";
import { ZLocalDate } from "@/lib/time/schemas";
import { addDays, localDateOf, type TLocalDate } from "@/lib/time/local-date";

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

export type TBalanceCaregiver = { id: string; name: string; role: TRole; colour: number; isMe: boolean };
export type TBalanceNight = { date: TLocalDate; figures: TNightFigure[] };
export type TBalanceView = {
  household: { id: string; timeZone: string; nightStart: number; nightEnd: number } & TThresholds;
  me: { caregiverId: string; role: TRole };
  caregivers: TBalanceCaregiver[];
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
  rest: { suggested: boolean; supportText: string };
};

const asDate = (d: TLocalDate) => new Date(`${d}T00:00:00Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);
// The dates the rest of Attune accepts (real days, 2000–2100): a year 0001 would otherwise reach Postgres.
const isDate = (s: unknown): s is TLocalDate => ZLocalDate.safeParse(s).success;

type THousehold = Awaited<ReturnType<typeof loadHousehold>>;

async function loadHousehold(householdId: string) {
  return db.household.findUniqueOrThrow({
    where: { id: householdId },
    select: {
      id: true,
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      warnConsecutive: true,
      warnSharePercent: true,
      warnSleepMinutes: true,
      warnSleepNights: true,
      supportText: true,
      caregivers: { orderBy: { joinedAt: "asc" }, select: { id: true, role: true, user: { select: { name: true } } } },
    },
  });
}

function windows(h: THousehold, from: TLocalDate, to: TLocalDate): TNightIn[] {
  const out: TNightIn[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const w = nightWindow(d, h.timeZone, h.nightStart, h.nightEnd);
    out.push({ date: d, start: w.start, end: w.end });
  }
  return out;
}

/**
 * The raw rows of the nights from..lastNight (figures) and lastNight+1 ..
 * +UPCOMING_NIGHTS (coming shifts, for the offers): four bounded queries.
 */
async function loadNights(h: THousehold, from: TLocalDate, lastNight: TLocalDate, now: Date) {
  const nights = windows(h, from, lastNight);
  const until = addDays(lastNight, UPCOMING_NIGHTS + 1);
  const [shifts, wakings, tapOuts, swaps] = await Promise.all([
    db.shift.findMany({
      where: { householdId: h.id, nightDate: { gte: asDate(from), lte: asDate(until) } },
      select: { id: true, caregiverId: true, nightDate: true, startsAt: true, endsAt: true },
    }),
    db.waking.findMany({
      where: { householdId: h.id, nightDate: { gte: asDate(from), lte: asDate(lastNight) } },
      select: { responderId: true, nightDate: true, startedAt: true, endedAt: true },
    }),
    db.tapOut.findMany({
      // By the indexed instant; a day either side catches every request filed under these nights.
      where: {
        householdId: h.id,
        requestedAt: {
          gte: new Date(nights[0]!.start.getTime() - 86_400_000),
          lt: new Date(nights[nights.length - 1]!.end.getTime() + 86_400_000),
        },
      },
      select: { requesterId: true, nightDate: true, requestedAt: true, answer: true, answeredById: true },
    }),
    db.swap.findMany({
      where: { householdId: h.id, status: "pending", endsAt: { gt: now } },
      select: { shiftId: true },
    }),
  ]);
  const caregivers: TCaregiverIn[] = h.caregivers.map((c) => ({ id: c.id, role: c.role }));
  const figures = nightFigures({
    nights,
    caregivers,
    shifts: shifts.filter((s) => dateOf(s.nightDate) <= lastNight).map((s) => ({ ...s, night: dateOf(s.nightDate) })),
    wakings: wakings.map((w) => ({ ...w, night: dateOf(w.nightDate) })),
    tapOuts: tapOuts
      .map((t) => ({ ...t, night: dateOf(t.nightDate) }))
      .filter((t) => t.night >= from && t.night <= lastNight),
    now,
  });
  const pending = new Set(swaps.map((s) => s.shiftId));
  const coming: TUpcomingShift[] = shifts
    .filter((s) => dateOf(s.nightDate) > lastNight)
    .map((s) => ({
      id: s.id,
      caregiverId: s.caregiverId,
      night: dateOf(s.nightDate),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      swapPending: pending.has(s.id),
    }));
  // Who holds tonight is decided by all of tonight's shifts, also the part
  // already over (at 03:00 the 19:00–02:00 shift still makes it its holder's
  // night); only shifts not yet over can be offered.
  const tonight = addDays(lastNight, 1);
  return {
    caregivers,
    figures,
    upcoming: coming.filter((s) => s.endsAt > now),
    tonightShifts: coming.filter((s) => s.night === tonight),
  };
}

function frame(h: THousehold, now: Date) {
  const tonight = currentOrNextNight(now, h.timeZone, h.nightStart, h.nightEnd).date;
  return { tonight, lastNight: addDays(tonight, -1), today: localDateOf(now, h.timeZone) };
}

const people = (h: THousehold) => h.caregivers.map((c) => ({ id: c.id, role: c.role, name: c.user.name }));

export type TBalanceQuery = { period?: unknown; from?: unknown; to?: unknown };

/** Parses ?period= or ?from=&to= (a range is clamped to nights that are over). */
export function parseSelection(q: TBalanceQuery, lastNight: TLocalDate): TBalanceView["selection"] {
  if (q.from !== undefined || q.to !== undefined) {
    if (!isDate(q.from) || !isDate(q.to))
      throw invalid("Choose both dates of the range.", {
        from: ["Choose a first night."],
        to: ["Choose a last night."],
      });
    const to = q.to > lastNight ? lastNight : q.to;
    if (q.from > to)
      throw invalid("The first night must come before the last.", { from: ["Choose a night before the last one."] });
    const nights = Math.round((asDate(to).getTime() - asDate(q.from).getTime()) / 86_400_000) + 1;
    if (nights > MAX_RANGE_NIGHTS)
      throw invalid(`Choose at most ${MAX_RANGE_NIGHTS} nights.`, {
        from: [`Choose at most ${MAX_RANGE_NIGHTS} nights.`],
      });
    return { kind: "range", from: q.from, to, nights };
  }
  const n = Number(q.period ?? 7);
  const nights = (PERIODS as readonly number[]).includes(n) ? (n as TPeriod) : 7;
  return { kind: "period", nights, from: addDays(lastNight, -(nights - 1)), to: lastNight };
}

/**
 * Everything the Balance page shows, as the signed-in caregiver may see it:
 * figures of the selection, warnings, and the check-ins visible to them
 * (their own, and others' shared ones; never another's private one).
 */
export async function getBalance(
  actor: TActor | null,
  householdId: unknown,
  query: TBalanceQuery = {},
  now = new Date(),
): Promise<TBalanceView> {
  const me = await requireMember(actor, householdId);
  const h = await loadHousehold(me.householdId);
  const { tonight, lastNight, today } = frame(h, now);
  const selection = parseSelection(query, lastNight);
  const from30 = addDays(lastNight, -29);
  const [{ caregivers, figures, upcoming, tonightShifts }, checkIns, rangeFigs] = await Promise.all([
    loadNights(h, from30, lastNight, now),
    visibleCheckIns(me, addDays(today, -29), today),
    selection.kind === "range" && selection.from < from30
      ? rangeFigures(
          me,
          windows(h, selection.from, selection.to),
          h.caregivers.map((c) => ({ id: c.id, role: c.role })),
          now,
        )
      : Promise.resolve(null),
  ]);
  const selected = rangeFigs ?? figures.filter((f) => f.night >= selection.from && f.night <= selection.to);
  const tonightOnDuty = selection.to === lastNight ? holdersOf(tonightShifts, tonight) : [];
  const nightDates = [...new Set(selected.map((f) => f.night))];
  const own = checkIns.filter((c) => c.caregiverId === me.caregiverId);
  return {
    household: {
      id: h.id,
      timeZone: h.timeZone,
      nightStart: h.nightStart,
      nightEnd: h.nightEnd,
      warnConsecutive: h.warnConsecutive,
      warnSharePercent: h.warnSharePercent,
      warnSleepMinutes: h.warnSleepMinutes,
      warnSleepNights: h.warnSleepNights,
    },
    me: { caregiverId: me.caregiverId, role: me.role },
    caregivers: h.caregivers.map((c, i) => ({
      id: c.id,
      name: c.user.name,
      role: c.role,
      colour: i % 6,
      isMe: c.id === me.caregiverId,
    })),
    tonight,
    lastNight,
    today,
    selection,
    totals: summarize(selected, caregivers, { tonightOnDuty }),
    nights:
      nightDates.length <= MAX_CHART_NIGHTS
        ? nightDates.map((date) => ({ date, figures: selected.filter((f) => f.night === date) }))
        : [],
    warnings: balanceWarnings({
      caregivers: people(h),
      thresholds: h,
      recent: figures,
      tonight,
      tonightShifts,
      upcoming,
      viewerId: me.caregiverId,
    }),
    checkIns,
    myCheckInToday: own.find((c) => c.date === today) ?? null,
    rest: { suggested: needsRest(own, today), supportText: h.supportText || DEFAULT_SUPPORT_TEXT },
  };
}

export type TWarningsView = { caregivers: TBalanceCaregiver[]; tonight: TLocalDate; warnings: TWarning[] };

/** Only the warnings (the Tonight card): the last 7 nights and the coming week. */
export async function getBalanceWarnings(
  actor: TActor | null,
  householdId: unknown,
  now = new Date(),
): Promise<TWarningsView> {
  const me = await requireMember(actor, householdId);
  const h = await loadHousehold(me.householdId);
  const { tonight, lastNight } = frame(h, now);
  const { figures, upcoming, tonightShifts } = await loadNights(h, addDays(lastNight, -6), lastNight, now);
  return {
    caregivers: h.caregivers.map((c, i) => ({
      id: c.id,
      name: c.user.name,
      role: c.role,
      colour: i % 6,
      isMe: c.id === me.caregiverId,
    })),
    tonight,
    warnings: balanceWarnings({
      caregivers: people(h),
      thresholds: h,
      recent: figures,
      tonight,
      tonightShifts,
      upcoming,
      viewerId: me.caregiverId,
    }),
  };
}
