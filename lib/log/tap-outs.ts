import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { nightOf } from "@/lib/log/night-of";
import { publishLive } from "@/lib/live/publish";

// A tap-out is the one thing that may wake the partner who is off duty: the
// caregiver on duty asks for help, explicitly. Both the request and its answer
// are logged (they count in the balance later).

const REPEAT_WINDOW_MS = 15 * 60_000;

export const ZRequestTapOut = z.object({ householdId: ZId });

/** "I need you". A second press within 15 minutes returns the same request. */
export async function requestTapOut(
  actor: TActor | null,
  input: unknown,
  now = new Date(),
): Promise<{ tapOutId: string; repeated: boolean }> {
  const { householdId } = parseInput(ZRequestTapOut, input);
  const me = await requireMember(actor, householdId);
  const recent = await db.tapOut.findFirst({
    where: {
      householdId,
      requesterId: me.caregiverId,
      answer: null,
      requestedAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (recent) return { tapOutId: recent.id, repeated: true };
  const h = await db.household.findUniqueOrThrow({
    where: { id: householdId },
    select: { timeZone: true, nightStart: true, nightEnd: true },
  });
  const t = await db.$transaction(async (tx) => {
    const row = await tx.tapOut.create({
      data: {
        householdId,
        requesterId: me.caregiverId,
        requestedAt: now,
        nightDate: new Date(`${nightOf(now, h.timeZone, h.nightStart, h.nightEnd)}T00:00:00Z`),
      },
      select: { id: true },
    });
    await publishLive(tx, householdId, "tapout.requested", [row.id], me.caregiverId);
    return row;
  });
  return { tapOutId: t.id, repeated: false };
}

export const ZAnswerTapOut = z.object({
  householdId: ZId,
  tapOutId: ZId,
  answer: z.enum(["coming", "cant"], { error: "Answer “I'm coming” or “I can't”." }),
});

/** The partner answers; the first answer stands. */
export async function answerTapOut(actor: TActor | null, input: unknown, now = new Date()): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZAnswerTapOut, input);
  const t = await db.tapOut.findFirst({
    where: { id: data.tapOutId, householdId },
    select: { requesterId: true, answer: true },
  });
  if (!t) throw notFound("That request");
  if (t.requesterId === me.caregiverId) throw forbidden("Your partner answers this one.");
  await db.$transaction(async (tx) => {
    const res = await tx.tapOut.updateMany({
      where: { id: data.tapOutId, householdId, answer: null },
      data: { answer: data.answer, answeredById: me.caregiverId, answeredAt: now },
    });
    if (res.count === 0) throw conflict("Someone already answered.");
    await publishLive(tx, householdId, "tapout.answered", [data.tapOutId], me.caregiverId);
  });
}
