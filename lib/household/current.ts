import "server-only";
import { cache } from "react";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { getUnreadNotes } from "@/lib/notes/read-notes";

/**
 * The signed-in caregiver and their household's overview, read once per
 * request and shared by the shell and the page (React cache). Pages call
 * requireMemberOrRedirect("/their-path") first, so signing in leads back.
 */
export const loadHousehold = cache(async () => {
  const { actor, membership } = await requireMemberOrRedirect();
  const [overview, unreadNotes] = await Promise.all([
    getHouseholdOverview(actor, { householdId: membership.householdId }),
    // The Notes badge's first value (hydrated into React Query by the shell; see UnreadNotesState).
    getUnreadNotes(actor, { householdId: membership.householdId }),
  ]);
  return { actor, membership, overview, unreadNotes };
});
