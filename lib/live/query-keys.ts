import type { TLiveEventType } from "@/lib/live/message";
import { connectKeys } from "@/lib/connect/query-keys";
import { logKeys } from "@/lib/log/query-keys";
import { notesKeys } from "@/lib/notes/query-keys";

// Which React Query caches an event makes stale, in one table. One thing lives
// in React Query (docs/decisions/0013, 0022): the night log (the open waking,
// tonight's wakings and tap-outs); the connect and notes prefixes have no
// query today (Connect's plan and the unread badge are server-rendered,
// refreshed with the page). Each domain's key factory starts with its prefix, so `all`
// covers every key of it. Everything else is server-rendered and refreshed
// once per event by LiveUpdates (router.refresh, coalesced): those events
// invalidate no query.

export type TQueryPrefix = readonly [string];

/** Every prefix a query can start with; test/unit/live-message.test.ts checks each is used. */
export const QUERY_PREFIXES: readonly TQueryPrefix[] = [logKeys.all, connectKeys.all, notesKeys.all];

export const LIVE_INVALIDATES: Record<TLiveEventType, readonly TQueryPrefix[]> = {
  // Names and babies show in all three.
  "household.changed": [logKeys.all, connectKeys.all, notesKeys.all],
  "shift.changed": [],
  "unavailability.changed": [],
  "waking.started": [logKeys.all],
  "waking.ended": [logKeys.all],
  "waking.changed": [logKeys.all],
  "tapout.requested": [logKeys.all],
  "tapout.answered": [logKeys.all],
  "swap.changed": [],
  "note.changed": [notesKeys.all],
  "plan.changed": [connectKeys.all],
  "activity.changed": [connectKeys.all],
  // Published only for shared check-ins (a private one is nobody else's news).
  "checkin.changed": [],
  "appreciation.sent": [],
};

/**
 * The prefixes to invalidate for an event type; "all" for a resync or a type
 * this code doesn't know (a newer server during a deploy): refetch what is on screen.
 */
export function invalidationsFor(type: string): readonly TQueryPrefix[] | "all" {
  return Object.hasOwn(LIVE_INVALIDATES, type) ? LIVE_INVALIDATES[type as TLiveEventType] : "all";
}
