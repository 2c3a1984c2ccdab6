import "server-only";
import { cache } from "react";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { householdDetails } from "@/lib/household/details";
import { getHouseholdOverview } from "@/lib/household/members";
import { getUnreadNotes } from "@/lib/notes/read-notes";

/**
 * The signed-in caregiver and their household's overview (without the
 * pending invites: only the household page shows those), read once per
 * request and shared by the pages (React cache). Pages call
 * requireMemberOrRedirect("/their-path") first, so signing in leads back.
 */
export const loadHousehold = cache(async () => {
  const [{ actor, membership, unreadNotes }, overview] = await Promise.all([
    loadShell(),
    requireMemberOrRedirect().then(({ actor, membership }) =>
      getHouseholdOverview(actor, { householdId: membership.householdId, invites: false }),
    ),
  ]);
  return { actor, membership, overview, unreadNotes };
});

/**
 * What the shell (app/(app)/layout.tsx) shows on every page: two names (the
 * caregiver's, from the session's user read, and the household's, from its
 * cached details) and the Notes badge's first value.
 */
export const loadShell = cache(async () => {
  const { actor, membership } = await requireMemberOrRedirect();
  const [details, unreadNotes] = await Promise.all([
    householdDetails(membership.householdId),
    // The navigation's badge: a live note event refreshes the layout, and so this count (MarkRead lowers it in the browser).
    getUnreadNotes(actor, { householdId: membership.householdId }),
  ]);
  return {
    actor,
    membership,
    householdName: details?.household.name ?? "",
    timeZone: details?.household.timeZone ?? "UTC",
    unreadNotes,
  };
});
