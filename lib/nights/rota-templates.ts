import { instantAt } from "@/lib/time/local-time";
import { addDays, isoWeekday, type TLocalDate } from "@/lib/time/local-date";
import { formatClock, listNames } from "@/lib/format";
/**
 * Rota templates: how one night is cut into slots, and who (if anyone) the
 * template itself puts in each slot. Pure; see rota.ts for who gets the open
 * slots.
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
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

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

const takingTurns: TSlotWant = { kind: "choose", turns: () => "Taking turns", citeTonight: true };

function fixed(caregiverId: string, because: string, usually: string): TSlotWant {
  return { kind: "fixed", caregiverId, because, fallback: `${usually} but was unavailable` };
}

const splitPartner: TSlotWant = {
  kind: "choose",
  turns: (others) => (others.length ? `Split night with ${listNames(others)}` : "Split night"),
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
          ? { kind: "choose", turns: () => "Taking turns with the first half", citeTonight: true }
          : fixed(
              template.firstHalf,
              `${ctx.nameOf(template.firstHalf)} always takes the first half`,
              `${ctx.nameOf(template.firstHalf)} usually takes the first half`,
            );
      return halves(ctx, template.splitAt, first, splitPartner);
    }
    case "weekly": {
      const day = weekdayOf(ctx.date);
      const days = `${WEEKDAYS[day]}s`;
      const night = template.pattern[day];
      if (!night) return whole(takingTurns);
      if ("caregiverId" in night) {
        const name = ctx.nameOf(night.caregiverId);
        return whole(fixed(night.caregiverId, `${name} usually takes ${days}`, `${name} usually takes ${days}`));
      }
      const [a, b] = [ctx.nameOf(night.first), ctx.nameOf(night.second)];
      return halves(
        ctx,
        night.split,
        fixed(
          night.first,
          `${a} usually takes the first half on ${days}`,
          `${a} usually takes the first half on ${days}`,
        ),
        fixed(
          night.second,
          `${b} usually takes the second half on ${days}`,
          `${b} usually takes the second half on ${days}`,
        ),
      );
    }
    case "feed-then-handover": {
      const name = ctx.nameOf(template.feederId);
      const until = formatClock(template.feedUntil);
      return halves(
        ctx,
        template.feedUntil,
        fixed(template.feederId, `${name} feeds until ${until}`, `${name} usually feeds until ${until}`),
        {
          kind: "choose",
          turns: () => `After ${name}'s feed`,
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

/** Wall-clock times a template splits nights at, with a label for messages. */
export function templateTimes(template: TTemplate): { label: string; minutes: number }[] {
  switch (template.kind) {
    case "alternate":
      return [];
    case "split":
      return [{ label: "The split time", minutes: template.splitAt }];
    case "feed-then-handover":
      return [{ label: "The end of the feed", minutes: template.feedUntil }];
    case "weekly":
      return Object.entries(template.pattern).flatMap(([day, n]) =>
        n && "split" in n ? [{ label: `The split time on ${WEEKDAYS[Number(day)]}s`, minutes: n.split }] : [],
      );
  }
}
