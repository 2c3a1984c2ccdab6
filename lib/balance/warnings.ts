// Early warnings, as a pure function of the last nights' figures and the
// coming shifts. Parents only: a helper's nights are their arrangement, and
// never count against the parents. Worded kindly, never as blame; each
// caregiver gets at most one card, with one action (a swap, see
// lib/nights/swaps.ts requestSwap) where the viewer can make one.

import { runs, type TCaregiverIn, type TNightFigure } from "@/lib/balance/metrics";
import { type TLocalDate } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";
import { swapAnswerer } from "@/lib/nights/rights";

export type TThresholds = {
  warnConsecutive: number;
  warnSharePercent: number;
  warnSleepMinutes: number;
  warnSleepNights: number;
};

/** The share warning waits until the last 7 nights held this many parents' wakings (no 1-night nonsense). */
export const MIN_SHARE_WAKINGS = 4;
export const SHARE_NIGHTS = 7;
export const SLEEP_NIGHTS = 5;

/**
 * What a household may choose for each threshold (Settings). The sleep
 * minimum is chosen in whole hours and stored as minutes.
 */
export const THRESHOLD_LIMITS = {
  warnConsecutive: { min: 2, max: 7 },
  warnSharePercent: { min: 55, max: 95 },
  warnSleepHours: { min: 1, max: 10 },
  warnSleepNights: { min: 1, max: SLEEP_NIGHTS },
} as const;

export type TUpcomingShift = {
  id: string;
  caregiverId: string;
  night: TLocalDate;
  startsAt: Date;
  endsAt: Date;
  swapPending: boolean;
};

/** An offer is a swap request; `answererId` is who will answer it (under Swaps waiting on Tonight). */
export type TOffer =
  | { kind: "take"; shiftId: string; night: TLocalDate; tonight: boolean; answererId: string }
  | { kind: "ask"; shiftId: string; night: TLocalDate; tonight: boolean; toId: string; answererId: string }
  | { kind: "pending"; night: TLocalDate; tonight: boolean };

/** `text`: a message reference (lib/i18n/text.ts); the card shows it in the reader's language. */
export type TWarningReason = { kind: "consecutive" | "share" | "sleep"; text: string };
export type TWarning = { caregiverId: string; reasons: TWarningReason[]; offer: TOffer | null };

/**
 * @param recent every caregiver's figures for the last nights that are over,
 *   oldest first (at least the last 7; more is ignored).
 * @param tonight the date of tonight (in progress or next).
 * @param tonightShifts all of tonight's shifts, the parts already over too
 *   (they decide whose night it is).
 * @param upcoming shifts from tonight on (a week is plenty), not yet over
 *   (what can be offered).
 */
export function balanceWarnings(input: {
  caregivers: (TCaregiverIn & { name: string })[];
  thresholds: TThresholds;
  recent: TNightFigure[];
  tonight: TLocalDate;
  tonightShifts: TUpcomingShift[];
  upcoming: TUpcomingShift[];
  viewerId: string;
}): TWarning[] {
  const { thresholds: t } = input;
  const parents = input.caregivers.filter((c) => c.role === "parent");
  const nights = [...new Set(input.recent.map((f) => f.night))].sort();
  const last = (n: number) => new Set(nights.slice(-n));
  const inLast = (n: number) => {
    const set = last(n);
    return input.recent.filter((f) => set.has(f.night));
  };
  const tonightHolders = holdersOf(input.tonightShifts, input.tonight);
  const shareWindow = inLast(SHARE_NIGHTS).filter((f) => parents.some((p) => p.id === f.caregiverId));
  const parentWakings = shareWindow.reduce((s, f) => s + f.wakings, 0);
  const out: TWarning[] = [];

  for (const p of parents) {
    const reasons: TWarningReason[] = [];
    // Spoken to the viewer about themselves: "You are on duty…", never their own name.
    const who = { me: p.id === input.viewerId ? "yes" : "no", name: p.name };
    const mine = input.recent.filter((f) => f.caregiverId === p.id).sort((a, b) => a.night.localeCompare(b.night));
    const onTonight = tonightHolders.includes(p.id);
    const run = runs([...mine.map((f) => f.onDuty), ...(onTonight ? [true] : [])]).current;
    if (run >= t.warnConsecutive) {
      reasons.push({
        kind: "consecutive",
        text: msg(onTonight ? "balance.warnings.reason.consecutiveTonight" : "balance.warnings.reason.consecutive", {
          ...who,
          run,
        }),
      });
    }
    if (parents.length > 1 && parentWakings >= MIN_SHARE_WAKINGS) {
      const handled = shareWindow.filter((f) => f.caregiverId === p.id).reduce((s, f) => s + f.wakings, 0);
      const pct = (handled / parentWakings) * 100;
      if (pct >= t.warnSharePercent) {
        reasons.push({
          kind: "share",
          text: msg("balance.warnings.reason.share", { ...who, percent: Math.round(pct), nights: SHARE_NIGHTS }),
        });
      }
    }
    const short = inLast(SLEEP_NIGHTS).filter(
      (f) => f.caregiverId === p.id && f.protectedMinutes !== null && f.protectedMinutes < t.warnSleepMinutes,
    ).length;
    if (short >= t.warnSleepNights) {
      const minimum = msg("balance.warnings.reason.duration", {
        hours: Math.floor(t.warnSleepMinutes / 60),
        minutes: t.warnSleepMinutes % 60,
      });
      reasons.push({
        kind: "sleep",
        text: msg("balance.warnings.reason.sleep", { ...who, duration: minimum, short, nights: SLEEP_NIGHTS }),
      });
    }
    if (reasons.length) out.push({ caregiverId: p.id, reasons, offer: offerFor(p.id, input) });
  }
  return out;
}

/** Who has a night: on duty for at least half of its shift time (an even split: both). */
export function holdersOf(
  shifts: { caregiverId: string; night: TLocalDate; startsAt: Date; endsAt: Date }[],
  night: TLocalDate,
): string[] {
  const by = new Map<string, number>();
  let all = 0;
  for (const s of shifts) {
    if (s.night !== night) continue;
    const ms = s.endsAt.getTime() - s.startsAt.getTime();
    all += ms;
    by.set(s.caregiverId, (by.get(s.caregiverId) ?? 0) + ms);
  }
  return [...by.entries()].filter(([, ms]) => ms > 0 && ms * 2 >= all).map(([id]) => id);
}

/**
 * The one action on a card: the loaded parent's next shift (tonight first).
 * Someone else may offer to take it; the parent themselves may ask the other
 * parent (when there is exactly one). A swap already waiting: say so instead.
 */
function offerFor(loadedId: string, input: Parameters<typeof balanceWarnings>[0]): TOffer | null {
  const next = input.upcoming
    .filter((s) => s.caregiverId === loadedId)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (!next) return null;
  const tonight = next.night === input.tonight;
  if (next.swapPending) return { kind: "pending", night: next.night, tonight };
  // The swap either way: from the loaded parent, requested by the viewer.
  // The viewer asks in both cases; the rights module says who answers.
  const answerer = (toId: string) => swapAnswerer({ fromId: loadedId, toId, requestedById: input.viewerId });
  if (input.viewerId !== loadedId)
    return { kind: "take", shiftId: next.id, night: next.night, tonight, answererId: answerer(input.viewerId) };
  const others = input.caregivers.filter((c) => c.role === "parent" && c.id !== loadedId);
  if (others.length !== 1) return null;
  const toId = others[0]!.id;
  return { kind: "ask", shiftId: next.id, night: next.night, tonight, toId, answererId: answerer(toId) };
}
