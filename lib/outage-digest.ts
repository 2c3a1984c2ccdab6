/**
 * Survives Next's production error masking: error boundaries recognise an
 * outage by it (app/(app)/error.tsx, app/global-error.tsx). A module of its
 * own so the boundaries, loaded on every page, carry this one string and not
 * the rest of lib/errors.ts.
 */
export const UNAVAILABLE_DIGEST = "ATTUNE_UNAVAILABLE";
