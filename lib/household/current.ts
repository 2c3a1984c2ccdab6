import "server-only";
import { cache } from "react";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { householdDetails, type THouseholdDetails } from "@/lib/household/details";
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
 * cached details), the Notes badge's first value, and a scheduled deletion
 * (from the same details: no statement of its own).
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
    deletion: details ? deletionShown(details) : null,
  };
});

/** The household's scheduled deletion as the banner and the household page show it (null: none). */
export type TDeletionShown = { dueAt: string; requestedBy: string };

function deletionShown({ deletion, members }: THouseholdDetails): TDeletionShown | null {
  if (!deletion) return null;
  // The requester may have left since: the request stands, without their name.
  const requester = members.find((m) => m.caregiverId === deletion.requestedById);
  return { dueAt: deletion.dueAt.toISOString(), requestedBy: requester?.name ?? "A parent" };
}
