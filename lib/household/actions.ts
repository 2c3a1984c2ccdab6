"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { addBaby } from "@/lib/household/add-baby";
import { createHousehold } from "@/lib/household/create-household";
import { cancelHouseholdDeletion, requestHouseholdDeletion } from "@/lib/household/delete-household";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/household/invites";
import { leaveHousehold, removeMember } from "@/lib/household/members";
import { updateHousehold } from "@/lib/household/update-household";

// The household's name, clock, babies, invites and members touch every page.
const EVERYWHERE = ["/"];

export const addBabyAction = serverAction(addBaby, { revalidate: EVERYWHERE });
export const updateHouseholdAction = serverAction(updateHousehold, { revalidate: EVERYWHERE });
// Dates don't survive the action boundary as Date objects in every client.
export const createInviteAction = serverAction(createInvite, {
  revalidate: EVERYWHERE,
  then: (invite) => ({ ...invite, expiresAt: invite.expiresAt.toISOString() }),
});
export const revokeInviteAction = serverAction(revokeInvite, { revalidate: EVERYWHERE });
export const removeMemberAction = serverAction(removeMember, { revalidate: EVERYWHERE });
export const leaveHouseholdAction = serverAction(leaveHousehold, { revalidate: EVERYWHERE });
// Every page shows the deletion banner.
export const requestHouseholdDeletionAction = serverAction(requestHouseholdDeletion, { revalidate: EVERYWHERE });
export const cancelHouseholdDeletionAction = serverAction(cancelHouseholdDeletion, { revalidate: EVERYWHERE });

// Onboarding and invites: the caller is signed in but in no household yet.
export const createHouseholdAction = serverAction(createHousehold, { revalidate: EVERYWHERE });
export const acceptInviteAction = serverAction(acceptInvite, {
  revalidate: EVERYWHERE,
  then: () => redirect("/tonight"),
});
