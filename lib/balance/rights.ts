// Who may do what in Balance: pure predicates over plain objects, with no
// server-only imports, so the domain (lib/balance/*) and the screens
// (components/balance/*, app/(app)/balance) ask the same question.
import type { TRole } from "@/lib/auth/actor";

/** The role that may change the warning thresholds and the support text (the request context enforces it). */
export const BALANCE_SETTINGS_ROLE = "parent" satisfies TRole;

/** Parents change the warning thresholds and the support text; everyone else reads them. */
export function canChangeBalanceSettings(me: { role: TRole }): boolean {
  return me.role === BALANCE_SETTINGS_ROLE;
}

type TCheckInOwner = { caregiverId: string };

/** The check-in is the viewer's own (they see it whether shared or not, and see which it is). */
export function isOwnCheckIn(me: TCheckInOwner, checkIn: TCheckInOwner): boolean {
  return checkIn.caregiverId === me.caregiverId;
}

/** A check-in is private unless its author shares it: the viewer sees their own, and the others' shared ones. */
export function canSeeCheckIn(me: TCheckInOwner, checkIn: TCheckInOwner & { shared: boolean }): boolean {
  return isOwnCheckIn(me, checkIn) || checkIn.shared;
}
