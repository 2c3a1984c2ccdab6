import { instantAt } from "@/lib/time/local-time";
import { addDays, isoWeekday, type TLocalDate } from "@/lib/time/local-date";
import { formatClock } from "@/lib/format";
import { msg } from "@/lib/i18n/text";
/**
 * Rota templates: how one night is cut into slots, and who (if anyone) the
 * template itself puts in each slot. Pure; see rota.ts for who gets the open
 * slots. The words are message references (lib/i18n/text.ts) under
 * "nights.rota.reason", resolved in the reader's language where shown.
 */

/** Day of the week of a night's start date, 0 = Sunday. */
export type TWeekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One night of a weekly pattern: a whole night, or a split at `split` (minutes after local midnight). */
export type TWeeklyNight = { caregiverId: string } | { split: number; first: string; second: string };

export type TTemplate =
  /** Whole nights, taking turns. */
  | { kind: "alternate" }
  /** Every night split at `splitAt` (minutes after local midnight); the first half rotates or always goes to one caregiver. */
  | { kind: "split"; splitAt: number; firstHalf: "rotate" | string }
  /** A fixed pattern by day of the week; a day left out is filled by taking turns. */
  | { kind: "weekly"; pattern: Partial<Record<TWeekday, TWeeklyNight>> }
  /** The feeding parent takes the night from its start until `feedUntil`; someone else takes the rest. */
  | { kind: "feed-then-handover"; feederId: string; feedUntil: number };

/** The kinds of template, in one list: the server's schema and the rota form both use it. */
export const ROTA_KINDS = [
  "alternate",
  "split",
  "weekly",
  "feed-then-handover",
] as const satisfies readonly TTemplate["kind"][];

export type TSlotRole = "whole" | "first" | "second";

export type TSlotWant =
  /** The template names the caregiver; `fallback` opens the reason when they were unavailable. */
  | { kind: "fixed"; caregiverId: string; because: string; fallback: string }
  /**
   * The fairness rules choose. `turns` is the reason when no rule had to step
   * in (given the others on duty that night); `citeTonight` is false where
   * preferring someone not yet on duty that night is the template's own intent
   * (the second half of a split), so it is not worth saying.
   */
  | { kind: "choose"; turns: (others: string[]) => string; citeTonight: boolean };

/** A part of a night, as instants in ms; the slots of a night tile it exactly. */
export type TSlot = { start: number; end: number; role: TSlotRole; want: TSlotWant };

export type TNightContext = {
  date: TLocalDate;
  start: number;
  end: number;
  timeZone: string;
  nightStart: number;
  nightEnd: number;
  nameOf: (caregiverId: string) => string;
  /** A wall-clock time (minutes after midnight) as the household's clock shows it; default 24 hours. */
  clock?: (minutes: number) => string;
};

/** Weekday keys by TWeekday (0 = Sunday): the `day` value of the reason messages. */
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Keys of a reason's values that hold a caregiver's name (reasonWithoutNames replaces those). */
export const NAME_KEYS: ReadonlySet<string> = new Set(["name", "other"]);

/** Names for a sentence as a reference: "Sam", "Sam and Alex", "Sam, Alex and Gran". */
export function nameList(names: readonly string[]): string {
  const [name = "", ...rest] = names;
  if (!rest.length) return name;
  if (rest.length === 1) return msg("nights.rota.list.two", { name, other: rest[0]! });
  return msg("nights.rota.list.more", { name, others: nameList(rest) });
}

const R = (key: string, values?: Record<string, string | number>) => msg(`nights.rota.reason.${key}`, values);

/** The weekday of a night's start date, 0 = Sunday (ISO 7 = Sunday). */
function weekdayOf(date: TLocalDate): TWeekday {
  return (isoWeekday(date) % 7) as TWeekday;
}

/** Whether a wall-clock time falls strictly inside the night window (so it can split it). */
export function isInsideNight(minutes: number, nightStart: number, nightEnd: number): boolean {
  if (nightEnd > nightStart) return minutes > nightStart && minutes < nightEnd;
  return minutes > nightStart || minutes < nightEnd;
}

/**
 * The instant of a wall-clock time inside the night: on the start date if it
 * is after the night starts, else on the next date. Clamped into the night,
 * because a skipped local time can resolve past a boundary on a DST night
 * (a split at 02:30 in a night ending 03:00 on a spring-forward date).
 */
function instantInNight(ctx: TNightContext, minutes: number): number {
  const crosses = ctx.nightEnd <= ctx.nightStart;
  const date = crosses && minutes < ctx.nightStart ? addDays(ctx.date, 1) : ctx.date;
  const at = instantAt(date, minutes, ctx.timeZone).getTime();
  return Math.min(Math.max(at, ctx.start), ctx.end);
}

/** Two slots split at a wall-clock time; a half that a DST change shrank to nothing is dropped. */
function halves(ctx: TNightContext, at: number, first: TSlotWant, second: TSlotWant): TSlot[] {
  const middle = instantInNight(ctx, at);
  const slots: TSlot[] = [
    { start: ctx.start, end: middle, role: "first", want: first },
    { start: middle, end: ctx.end, role: "second", want: second },
  ];
  return slots.filter((s) => s.end > s.start);
}

const takingTurns: TSlotWant = { kind: "choose", turns: () => R("takingTurns"), citeTonight: true };

function fixed(caregiverId: string, because: string, usually: string): TSlotWant {
  return { kind: "fixed", caregiverId, because, fallback: R("butUnavailable", { usual: usually }) };
}

const splitPartner: TSlotWant = {
  kind: "choose",
  turns: (others) => (others.length ? R("splitNightWith", { names: nameList(others) }) : R("splitNight")),
  citeTonight: false,
};

/** The slots of one night under a template, in time order. */
export function templateSlots(template: TTemplate, ctx: TNightContext): TSlot[] {
  if (ctx.end <= ctx.start) return [];
  const whole = (want: TSlotWant): TSlot[] => [{ start: ctx.start, end: ctx.end, role: "whole", want }];
  switch (template.kind) {
    case "alternate":
      return whole(takingTurns);
    case "split": {
      const first: TSlotWant =
        template.firstHalf === "rotate"
          ? { kind: "choose", turns: () => R("takingTurnsFirstHalf"), citeTonight: true }
          : fixed(
              template.firstHalf,
              R("alwaysFirstHalf", { name: ctx.nameOf(template.firstHalf) }),
              R("usuallyFirstHalf", { name: ctx.nameOf(template.firstHalf) }),
            );
      return halves(ctx, template.splitAt, first, splitPartner);
    }
    case "weekly": {
      const weekday = weekdayOf(ctx.date);
      const day = WEEKDAYS[weekday];
      const night = template.pattern[weekday];
      if (!night) return whole(takingTurns);
      if ("caregiverId" in night) {
        const usually = R("usuallyDay", { name: ctx.nameOf(night.caregiverId), day });
        return whole(fixed(night.caregiverId, usually, usually));
      }
      const first = R("usuallyFirstHalfOn", { name: ctx.nameOf(night.first), day });
      const second = R("usuallySecondHalfOn", { name: ctx.nameOf(night.second), day });
      return halves(ctx, night.split, fixed(night.first, first, first), fixed(night.second, second, second));
    }
    case "feed-then-handover": {
      const name = ctx.nameOf(template.feederId);
      const until = (ctx.clock ?? formatClock)(template.feedUntil);
      return halves(
        ctx,
        template.feedUntil,
        fixed(template.feederId, R("feedsUntil", { name, until }), R("usuallyFeedsUntil", { name, until })),
        {
          kind: "choose",
          turns: () => R("afterFeed", { name }),
          citeTonight: false,
        },
      );
    }
  }
}

/** Caregiver ids a template names, for validation. */
export function templateCaregiverIds(template: TTemplate): string[] {
  switch (template.kind) {
    case "alternate":
      return [];
    case "split":
      return template.firstHalf === "rotate" ? [] : [template.firstHalf];
    case "feed-then-handover":
      return [template.feederId];
    case "weekly":
      return Object.values(template.pattern).flatMap((n) =>
        n ? ("caregiverId" in n ? [n.caregiverId] : [n.first, n.second]) : [],
      );
  }
}

/** Wall-clock times a template splits nights at, with a label for messages (a reference). */
export function templateTimes(template: TTemplate): { label: string; minutes: number }[] {
  switch (template.kind) {
    case "alternate":
      return [];
    case "split":
      return [{ label: msg("nights.rota.time.split"), minutes: template.splitAt }];
    case "feed-then-handover":
      return [{ label: msg("nights.rota.time.feedEnd"), minutes: template.feedUntil }];
    case "weekly":
      return Object.entries(template.pattern).flatMap(([day, n]) =>
        n && "split" in n
          ? [{ label: msg("nights.rota.time.splitOn", { day: WEEKDAYS[Number(day)]! }), minutes: n.split }]
          : [],
      );
  }
}
