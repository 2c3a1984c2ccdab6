// Who may do what in the night log. Pure predicates over plain objects: the
// domain (lib/log/wakings.ts, tap-outs.ts) refuses when they say no, and the
// screens (components/log) show a button only when they say yes.

import type { TRole } from "@/lib/auth/actor";

type TWho = { caregiverId: string; role: TRole };

/** Change or remove a logged waking (also the undo of "I'm up" and "Back to sleep"): whoever got up, or a parent. */
export function canEditWaking(me: TWho, waking: { responderId: string }): boolean {
  return me.role === "parent" || waking.responderId === me.caregiverId;
}

/** Answer a tap-out: anyone but the one who asked. */
export function canAnswerTapOut(me: { caregiverId: string }, tapOut: { requesterId: string }): boolean {
  return tapOut.requesterId !== me.caregiverId;
}

/** A tap-out waiting for this person's answer: someone else asked, and nobody has answered yet. */
export function mustAnswerTapOut(
  me: { caregiverId: string },
  tapOut: { requesterId: string; answer: string | null },
): boolean {
  return canAnswerTapOut(me, tapOut) && !tapOut.answer;
}
