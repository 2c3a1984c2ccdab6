/**
 * Survives Next's production error masking: error boundaries recognise an
 * outage by it (app/(app)/error.tsx, app/global-error.tsx). A module of its
 * own so the boundaries, loaded on every page, carry this one string and not
 * the rest of lib/errors.ts.
 */
export const UNAVAILABLE_DIGEST = "ATTUNE_UNAVAILABLE";

/**
 * Dispatched on window by the live channel (components/live/live-updates.tsx)
 * each time it refreshes the page: back after a break, or news from the
 * partner. A boundary showing "Reconnecting…" retries at once on it instead
 * of waiting out its backoff (a router refresh alone does not reset it).
 */
export const LIVE_REFRESH_EVENT = "attune:live";
