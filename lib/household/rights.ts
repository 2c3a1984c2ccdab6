// Who may do what in a household: pure predicates over plain objects, used by
// the domain's checks (lib/household/*) and by the household page to decide
// which buttons to show. No server code here, so components can import it.
import type { Role } from "@/lib/generated/prisma/enums";

type TWho = { caregiverId: string; role: Role };

/** Parents change the household: its name and clock, babies, invites and members. */
export function canManageHousehold(me: { role: Role }): boolean {
  return me.role === "parent";
}

/** A parent removes another member; removing oneself is "Leave household". */
export function canRemoveMember(me: TWho, member: { caregiverId: string }): boolean {
  return canManageHousehold(me) && member.caregiverId !== me.caregiverId;
}

/** Someone must stay in charge: the only parent can neither leave nor be removed. */
export function isLastParent(member: { role: Role }, members: readonly { role: Role }[]): boolean {
  return member.role === "parent" && members.filter((m) => m.role === "parent").length <= 1;
}

/** Why `me` can't leave the household (null: they may). */
export function whyCantLeave(
  me: { role: Role },
  members: readonly { role: Role }[],
): "only member" | "last parent" | null {
  if (!isLastParent(me, members)) return null;
  return members.length > 1 ? "last parent" : "only member";
}

/** Parents delete the household (after a grace period) and cancel its deletion. */
export function canDeleteHousehold(me: { role: Role }): boolean {
  return canManageHousehold(me);
}

/** Webhooks send the household's nights to another system (docs/decisions/0032): a parent's decision, like the household's settings. */
export function canManageWebhooks(me: { role: Role }): boolean {
  return canManageHousehold(me);
}
