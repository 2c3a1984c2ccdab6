import { currentOrNextNight, type TNightWindow } from "@/lib/nights/night-window";

// THE rule of push, written once: nothing but a tap-out ever notifies a
// caregiver who is off duty during the household's night window. The worker
// (lib/push/worker.ts) asks `pushDecision` for every row at the moment it would
// send it, with the shifts as they are then, so a shift changed after the row
// was written is respected.

export const PUSH_KINDS = ["tapout", "tapout-answer", "swap", "shift-soon", "handoff"] as const;
export type TPushKind = (typeof PUSH_KINDS)[number];

export type TClockOfHousehold = { timeZone: string; nightStart: number; nightEnd: number };
export type TSpan = { startsAt: Date; endsAt: Date };

export type TPushDecision =
  | { action: "send" }
  /** Wait until the night window ends (the recipient is asleep), then decide again. */
  | { action: "hold"; until: Date }
  /** Not worth sending later (a reminder for a time that has passed): dropped. */
  | { action: "drop"; reason: string };

/**
 * What a kind becomes when it meets an off-duty caregiver at night: a swap
 * request keeps until the morning; a reminder, an answer or a handoff note is
 * about this very moment, and is dropped.
 */
const WHEN_HELD_BACK: Record<Exclude<TPushKind, "tapout">, "hold" | "drop"> = {
  swap: "hold",
  "shift-soon": "drop",
  "tapout-answer": "drop",
  handoff: "drop",
};

/** The night window that contains `at`, or null when `at` is in the day. */
export function nightWindowAt(at: Date, h: TClockOfHousehold): TNightWindow | null {
  const w = currentOrNextNight(at, h.timeZone, h.nightStart, h.nightEnd);
  return w.start <= at && at < w.end ? w : null;
}

/** On duty at `at`: one of the caregiver's shifts covers it (half-open: a shift ending at 01:00 is over at 01:00). */
export function isOnDuty(shifts: readonly TSpan[], at: Date): boolean {
  return shifts.some((s) => s.startsAt <= at && at < s.endsAt);
}

/**
 * May a push of `kind` go to a caregiver, at `at`, given that caregiver's
 * shifts (any that may cover `at`) and the household's night window?
 */
export function pushDecision(
  kind: TPushKind,
  at: Date,
  recipientShifts: readonly TSpan[],
  h: TClockOfHousehold,
): TPushDecision {
  if (kind === "tapout") return { action: "send" };
  const night = nightWindowAt(at, h);
  if (!night || isOnDuty(recipientShifts, at)) return { action: "send" };
  return WHEN_HELD_BACK[kind] === "hold"
    ? { action: "hold", until: night.end }
    : { action: "drop", reason: "off duty in the night window" };
}
