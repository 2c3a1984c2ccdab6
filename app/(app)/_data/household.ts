import "server-only";
import { cache } from "react";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";

/**
 * The signed-in caregiver and their household's overview, read once per
 * request and shared by the shell and the page (React cache). Pages call
 * requireMemberOrRedirect("/their-path") first, so signing in leads back.
 */
export const loadHousehold = cache(async () => {
  const { actor, membership } = await requireMemberOrRedirect();
  const overview = await getHouseholdOverview(actor, membership.householdId);
  return { actor, membership, overview };
});
