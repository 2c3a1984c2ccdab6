import type { TLiveEventType } from "@/lib/live/message";

// Which cached reads an event makes stale, in one table. Keys are prefixes:
// ["nights"] invalidates every query whose key starts with "nights". Name
// React Query keys after the domain folder (household, nights, tonight, log,
// balance, swaps, connect, notes) and they stay covered. Server-rendered
// pages are refreshed on every event anyway (router.refresh, throttled).

export type TQueryPrefix = readonly [string];

export const LIVE_INVALIDATES: Record<TLiveEventType, readonly TQueryPrefix[]> = {
  "household.changed": [["household"], ["nights"], ["tonight"]],
  "shift.changed": [["nights"], ["tonight"], ["balance"]],
  "unavailability.changed": [["nights"]],
  "waking.started": [["tonight"], ["log"]],
  "waking.ended": [["tonight"], ["log"], ["balance"]],
  "waking.changed": [["tonight"], ["log"], ["balance"]],
  "tapout.requested": [["tonight"], ["log"]],
  "tapout.answered": [["tonight"], ["log"]],
  "swap.changed": [["swaps"], ["nights"], ["tonight"], ["balance"]],
  "note.changed": [["notes"], ["tonight"]],
  "plan.changed": [["connect"], ["tonight"]],
  "activity.changed": [["connect"]],
  // Published only for shared check-ins (a private one is nobody else's news).
  "checkin.changed": [["balance"]],
  "appreciation.sent": [["notes"], ["tonight"]],
};

/**
 * The prefixes to invalidate for an event type; "all" for a resync or a type
 * this code doesn't know (a newer server during a deploy): refetch what is on screen.
 */
export function invalidationsFor(type: string): readonly TQueryPrefix[] | "all" {
  return Object.hasOwn(LIVE_INVALIDATES, type) ? LIVE_INVALIDATES[type as TLiveEventType] : "all";
}
