import type { TRole } from "@/lib/auth/actor";
import type { TapOutAnswer } from "@/lib/generated/prisma/enums";
import { type TLocalDate } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";
// The balance figures, as pure functions of shifts, wakings and tap-outs plus
// each night's window (from lib/nights/night-window.ts, so DST nights last
// what the clock says). Their meaning, in words, is in ./definitions.ts;
// lib/balance/range-sql.ts computes the same per-night figures in SQL for
// long ranges, and test/integration/balance-range.test.ts checks they agree.

/** `removedAt`: when they left the household (docs/decisions/0030); they have no figures for nights after. */
export type TCaregiverIn = { id: string; role: TRole; removedAt?: Date | null };

/** Still a member at `at` (a night's start, a tap-out's request). */
export const presentAt = (c: TCaregiverIn, at: Date): boolean => !c.removedAt || c.removedAt > at;
export type TNightIn = { date: TLocalDate; start: Date; end: Date };
export type TShiftIn = { caregiverId: string; night: TLocalDate; startsAt: Date; endsAt: Date };
export type TWakingIn = { responderId: string; night: TLocalDate; startedAt: Date; endedAt: Date | null };
export type TTapOutIn = {
  requesterId: string;
  night: TLocalDate;
  requestedAt: Date;
  answer: TapOutAnswer | null;
  answeredById: string | null;
};

/** How long a tap-out keeps someone from sleep (see definitions: protectedSleep). */
export const TAPOUT_CAME_MINUTES = 30;
export const TAPOUT_ASKED_MINUTES = 10;

/** One caregiver on one night. Minutes are not rounded. */
export type TNightFigure = {
  night: TLocalDate;
  caregiverId: string;
  dutyMinutes: number;
  /** On duty for at least half of the night's shift time. */
  onDuty: boolean;
  wakings: number;
  awakeMinutes: number;
  tapOutsAsked: number;
  tapOutsAnswered: number;
  /** Null on a night with no duty plan (no shift at all): nobody's sleep was protected by a plan, so there is no figure. */
  protectedMinutes: number | null;
};

type TInterval = [number, number];
const MIN = 60_000;

/** Sorted, merged intervals (touching ones join). */
export function mergeIntervals(intervals: TInterval[]): TInterval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: TInterval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const total = (intervals: TInterval[]) => intervals.reduce((s, [a, b]) => s + (b - a), 0);

/** The longest part of [from, to) not covered by `busy`, in ms. */
export function longestFree(from: number, to: number, busy: TInterval[]): number {
  const merged = mergeIntervals(busy.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as TInterval));
  let cursor = from;
  let best = 0;
  for (const [a, b] of merged) {
    best = Math.max(best, a - cursor);
    cursor = Math.max(cursor, b);
  }
  return Math.max(best, to - cursor);
}

/** When a waking ends for the figures: its end, or (still open) now, but never after its night. */
export function wakingEnd(w: TWakingIn, nightEnd: Date, now: Date): number {
  if (w.endedAt) return w.endedAt.getTime();
  return Math.max(w.startedAt.getTime(), Math.min(now.getTime(), nightEnd.getTime()));
}

/** Who a tap-out kept awake, and for how long from the request. */
export function tapOutBreaks(t: TTapOutIn, caregivers: TCaregiverIn[]): { caregiverId: string; interval: TInterval }[] {
  const at = t.requestedAt.getTime();
  if (t.answer === "coming" && t.answeredById)
    return [{ caregiverId: t.answeredById, interval: [at, at + TAPOUT_CAME_MINUTES * MIN] }];
  const reached = t.answeredById
    ? [t.answeredById]
    : caregivers
        .filter((c) => c.role === "parent" && c.id !== t.requesterId && presentAt(c, t.requestedAt))
        .map((c) => c.id);
  return reached.map((caregiverId) => ({ caregiverId, interval: [at, at + TAPOUT_ASKED_MINUTES * MIN] as TInterval }));
}

/**
 * Every caregiver's figures for every night (nights × caregivers rows, in the
 * order given), leaving out a caregiver on the nights after they left.
 */
export function nightFigures(input: {
  nights: TNightIn[];
  caregivers: TCaregiverIn[];
  shifts: TShiftIn[];
  wakings: TWakingIn[];
  tapOuts: TTapOutIn[];
  now: Date;
}): TNightFigure[] {
  const byNight = <T extends { night: TLocalDate }>(rows: T[]) => {
    const m = new Map<TLocalDate, T[]>();
    for (const r of rows) (m.get(r.night) ?? m.set(r.night, []).get(r.night)!).push(r);
    return m;
  };
  const shifts = byNight(input.shifts);
  const wakings = byNight(input.wakings);
  const tapOuts = byNight(input.tapOuts);
  const out: TNightFigure[] = [];
  for (const n of input.nights) {
    const from = n.start.getTime();
    const to = n.end.getTime();
    const nShifts = shifts.get(n.date) ?? [];
    const nWakings = wakings.get(n.date) ?? [];
    const nTapOuts = tapOuts.get(n.date) ?? [];
    const breaks = nTapOuts.flatMap((t) => tapOutBreaks(t, input.caregivers));
    const nightDuty = nShifts.reduce((s, x) => s + (x.endsAt.getTime() - x.startsAt.getTime()), 0);
    for (const c of input.caregivers) {
      if (!presentAt(c, n.start)) continue;
      const mine = nShifts
        .filter((s) => s.caregiverId === c.id)
        .map((s) => [s.startsAt.getTime(), s.endsAt.getTime()] as TInterval);
      const duty = total(mine);
      const awake = nWakings
        .filter((w) => w.responderId === c.id)
        .map((w) => [w.startedAt.getTime(), wakingEnd(w, n.end, input.now)] as TInterval);
      const tapped = breaks.filter((b) => b.caregiverId === c.id).map((b) => b.interval);
      out.push({
        night: n.date,
        caregiverId: c.id,
        dutyMinutes: duty / MIN,
        onDuty: duty > 0 && duty * 2 >= nightDuty,
        wakings: awake.length,
        awakeMinutes: total(mergeIntervals(awake)) / MIN,
        tapOutsAsked: nTapOuts.filter((t) => t.requesterId === c.id).length,
        tapOutsAnswered: nTapOuts.filter((t) => t.answeredById === c.id && t.answer === "coming").length,
        protectedMinutes: nShifts.length ? longestFree(from, to, [...mine, ...awake, ...tapped]) / MIN : null,
      });
    }
  }
  return out;
}

/** Runs of nights on duty: the one ending at the last night given, and the longest. `onDuty` in night order. */
export function runs(onDuty: boolean[]): { current: number; longest: number } {
  let run = 0;
  let longest = 0;
  for (const on of onDuty) {
    run = on ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { current: run, longest };
}

export type TCaregiverTotals = {
  caregiverId: string;
  role: TRole;
  nightsOnDuty: number;
  dutyMinutes: number;
  wakings: number;
  awakeMinutes: number;
  tapOutsAsked: number;
  tapOutsAnswered: number;
  /** Longest protected sleep, per night that had a duty plan, in night order (minutes). */
  protectedByNight: number[];
  /** The middle value of protectedByNight (the typical night). */
  protectedMedian: number;
  current: number;
  longest: number;
  /** Parents only: part of the parents' wakings (0–1), null when they handled none or there is one parent. */
  share: number | null;
};

/** The protected-sleep figures of the nights that had a duty plan (the others have none). */
const planned = (figures: TNightFigure[]): number[] =>
  figures.flatMap((f) => (f.protectedMinutes === null ? [] : [f.protectedMinutes]));

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Per-caregiver totals over the nights of `figures` (which must hold every
 * caregiver for every night, as nightFigures gives). `tonightOnDuty`: who has
 * tonight, so a run that goes on tonight shows as such.
 */
export function summarize(
  figures: TNightFigure[],
  caregivers: TCaregiverIn[],
  opts: { tonightOnDuty?: string[] } = {},
): TCaregiverTotals[] {
  const parents = caregivers.filter((c) => c.role === "parent");
  const parentWakings = figures
    .filter((f) => parents.some((p) => p.id === f.caregiverId))
    .reduce((s, f) => s + f.wakings, 0);
  return caregivers.map((c) => {
    const mine = figures.filter((f) => f.caregiverId === c.id);
    const wakings = mine.reduce((s, f) => s + f.wakings, 0);
    const r = runs([...mine.map((f) => f.onDuty), ...(opts.tonightOnDuty?.includes(c.id) ? [true] : [])]);
    return {
      caregiverId: c.id,
      role: c.role,
      nightsOnDuty: mine.filter((f) => f.onDuty).length,
      dutyMinutes: mine.reduce((s, f) => s + f.dutyMinutes, 0),
      wakings,
      awakeMinutes: mine.reduce((s, f) => s + f.awakeMinutes, 0),
      tapOutsAsked: mine.reduce((s, f) => s + f.tapOutsAsked, 0),
      tapOutsAnswered: mine.reduce((s, f) => s + f.tapOutsAnswered, 0),
      protectedByNight: planned(mine),
      protectedMedian: median(planned(mine)),
      current: r.current,
      longest: r.longest,
      share: c.role === "parent" && parents.length > 1 && parentWakings > 0 ? wakings / parentWakings : null,
    };
  });
}

/**
 * The period a share sentence speaks of: the last `nights` nights, or a range
 * whose first and last nights (`from`, `to`) the page has already put into
 * the reader's words.
 */
export type TSharePeriod = { kind: "period" | "range"; nights: number; from: string; to: string };

/**
 * "Over the last 7 nights Sam handled 70% of wakings." as a message reference
 * (lib/i18n/text.ts), or null when there is nothing to say.
 */
export function shareSentence(
  totals: TCaregiverTotals[],
  nameOf: (id: string) => string,
  period: TSharePeriod,
): string | null {
  const withShare = totals.filter((t) => t.share !== null);
  if (withShare.length < 2) return null;
  const top = [...withShare].sort((a, b) => b.share! - a.share!)[0]!;
  const percent = Math.round(top.share! * 100);
  if (withShare.every((t) => Math.round(t.share! * 100) === percent)) return msg("balance.share.even", period);
  return msg("balance.share.top", { ...period, name: nameOf(top.caregiverId), percent });
}
