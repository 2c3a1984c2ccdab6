// Shared by the server (lib/live/hub.ts, the SSE route) and the browser
// (components/live): what an event looks like on the wire. No server-only
// imports here.

/**
 * What can change in a household, as the live channel names it. The client
 * turns each type into React Query invalidations (lib/live/query-keys.ts); a
 * new type needs an entry there too, which the compiler asks for.
 */
export const LIVE_EVENT_TYPES = [
  "household.changed",
  "shift.changed",
  "unavailability.changed",
  "waking.started",
  "waking.ended",
  "waking.changed",
  "tapout.requested",
  "tapout.answered",
  "swap.changed",
  "note.changed",
  "plan.changed",
  "activity.changed",
  "checkin.changed",
  "appreciation.sent",
] as const;

export type TLiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/**
 * Sent by the stream itself, never published: `resync` = "you missed too much
 * (or the server lost track), refetch everything"; `closed` = "this stream
 * ended for good (signed out, or no longer a member)": do not reconnect.
 */
export type TLiveControlType = "resync" | "closed";

/**
 * An event as it travels: NOTIFY payload, catch-up row, SSE `data:`. `id`
 * (a decimal string; the live_events row) orders them. Ids only, never data.
 * `type` is a string on the wire: a newer server may send a type this code
 * doesn't know yet, which the client treats as "something changed".
 */
export type TLiveMessage = {
  id: string;
  type: TLiveEventType | TLiveControlType | (string & {});
  householdId: string;
  ids?: string[];
  actorCaregiverId?: string;
};

/** What the browser receives in `data:` (its own household is implied). */
export type TLiveWireMessage = Omit<TLiveMessage, "householdId">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An SSE message's data, checked before anyone acts on it. */
export function parseWireMessage(payload: string | null | undefined): TLiveWireMessage | null {
  if (!payload) return null;
  let m: Partial<Record<keyof TLiveMessage, unknown>>;
  try {
    m = JSON.parse(payload) as typeof m;
  } catch {
    return null;
  }
  if (!m || typeof m !== "object") return null;
  // Opaque on the wire (lib/live/cursor.ts), a plain number in NOTIFY payloads (checked there too).
  if (typeof m.id !== "string" || !/^[A-Za-z0-9_-]{1,40}$/.test(m.id)) return null;
  if (typeof m.type !== "string" || !/^[a-z][a-z.]{0,40}$/.test(m.type)) return null;
  const ids = Array.isArray(m.ids) ? m.ids.filter((i): i is string => typeof i === "string") : [];
  return {
    id: m.id,
    type: m.type,
    ...(ids.length ? { ids } : {}),
    ...(typeof m.actorCaregiverId === "string" ? { actorCaregiverId: m.actorCaregiverId } : {}),
  };
}

/** A NOTIFY payload, checked before the hub hands it to anyone. */
export function parseLiveMessage(payload: string | null | undefined): TLiveMessage | null {
  const wire = parseWireMessage(payload);
  if (!wire || !/^\d{1,19}$/.test(wire.id)) return null;
  const { householdId } = JSON.parse(payload!) as { householdId?: unknown };
  if (typeof householdId !== "string" || !UUID.test(householdId)) return null;
  return { ...wire, householdId };
}
