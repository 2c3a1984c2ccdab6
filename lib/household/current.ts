import "server-only";
import { cache } from "react";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { countUnreadNotes } from "@/lib/notes/read-notes";

/**
 * The signed-in caregiver and their household's overview, read once per
 * request and shared by the shell and the page (React cache). Pages call
 * requireMemberOrRedirect("/their-path") first, so signing in leads back.
 */
export const loadHousehold = cache(async () => {
  const { actor, membership } = await requireMemberOrRedirect();
  const [overview, unreadNotes] = await Promise.all([
    getHouseholdOverview(actor, { householdId: membership.householdId }),
    // The Notes badge: one COUNT per page; live events refresh the shell, so it follows.
    countUnreadNotes(membership),
  ]);
  return { actor, membership, overview, unreadNotes };
});
