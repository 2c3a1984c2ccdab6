// Who may do what on night duty (docs/decisions/0008-night-duty-rights.md).
// Pure predicates over plain objects, with no server code: the domain
// (lib/nights/*) throws `forbidden` when one is false, and the pages and
// components use the same ones to decide which buttons to show.
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is asking: their caregiver id and role in the household. */
export type TNightsMe = { caregiverId: string; role: Role };

/** Parents act for anyone in the household: shifts, unavailability. */
export function canActForOthers(me: TNightsMe): boolean {
  return me.role === "parent";
}

/** Parents act for anyone; helpers only for themselves (take a shift, mark time they can't do). */
export function canActForCaregiver(me: TNightsMe, caregiverId: string): boolean {
  return canActForOthers(me) || me.caregiverId === caregiverId;
}

/** Change, split or remove a shift: a parent anyone's, a helper only their own. */
export function canEditShift(me: TNightsMe, shift: { caregiverId: string }): boolean {
  return canActForCaregiver(me, shift.caregiverId);
}

/** Remove a stretch someone can't do: a parent anyone's, a helper only their own. */
export function canChangeUnavailability(me: TNightsMe, stretch: { caregiverId: string }): boolean {
  return canActForCaregiver(me, stretch.caregiverId);
}

/** Fill the rota and change its template: parents only. */
export function canFillRota(me: TNightsMe): boolean {
  return me.role === "parent";
}

type TSwapSides = { requestedById: string; fromId: string; toId: string };

/** Who answers a swap: the side that didn't ask. */
export function swapAnswerer(swap: TSwapSides): string {
  return swap.requestedById === swap.fromId ? swap.toId : swap.fromId;
}

/** Whether the swap waits for my answer (accept or decline). */
export function mustAnswerSwap(me: Pick<TNightsMe, "caregiverId">, swap: TSwapSides): boolean {
  return me.caregiverId === swapAnswerer(swap);
}

/** Only the person who asked may withdraw a swap. */
export function canWithdrawSwap(me: Pick<TNightsMe, "caregiverId">, swap: { requestedById: string }): boolean {
  return me.caregiverId === swap.requestedById;
}

/** A swap can be asked for until the shift is over (instants as ISO strings or Dates). */
export function canAskSwap(shift: { end: string | Date }, now: Date): boolean {
  return new Date(shift.end).getTime() > now.getTime();
}
