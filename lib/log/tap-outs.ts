import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { toDbDate } from "@/lib/time/local-date";
import { nightOf } from "@/lib/log/night-of";
import { canAnswerTapOut } from "@/lib/log/rights";
import { publishLive } from "@/lib/live/publish";
import { enqueuePush } from "@/lib/push/enqueue";

// A tap-out is the one thing that may wake the partner who is off duty: the
// caregiver on duty asks for help, explicitly. Both the request and its answer
// are logged (they count in the balance later).

const REPEAT_WINDOW_MS = 15 * 60_000;

export const ZRequestTapOut = z.object({ householdId: ZId });

/** "I need you". A second press within 15 minutes returns the same request. */
export const requestTapOut = householdAction(
  ZRequestTapOut,
  {},
  async ({ me, household, now }): Promise<{ tapOutId: string; repeated: boolean }> => {
    const recent = await db.tapOut.findFirst({
      where: {
        householdId: household.id,
        requesterId: me.caregiverId,
        answer: null,
        requestedAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) },
      },
      select: { id: true },
    });
    if (recent) return { tapOutId: recent.id, repeated: true };
    const t = await db.$transaction(async (tx) => {
      const row = await tx.tapOut.create({
        data: {
          householdId: household.id,
          requesterId: me.caregiverId,
          requestedAt: now,
          nightDate: toDbDate(nightOf(now, household.timeZone, household.nightStart, household.nightEnd)),
        },
        select: { id: true },
      });
      await publishLive(tx, household.id, "tapout.requested", [row.id], me.caregiverId);
      await enqueuePush(tx, { kind: "tapout", householdId: household.id, tapOutId: row.id, by: me, at: now });
      return row;
    });
    return { tapOutId: t.id, repeated: false };
  },
);

export const ZAnswerTapOut = z.object({
  householdId: ZId,
  tapOutId: ZId,
  answer: z.enum(["coming", "cant"], { error: "Answer “I'm coming” or “I can't”." }),
});

/** The partner answers; the first answer stands. */
export const answerTapOut = householdAction(ZAnswerTapOut, {}, async ({ me, household, data, now }): Promise<void> => {
  const t = await db.tapOut.findFirst({
    where: { id: data.tapOutId, householdId: household.id },
    select: { requesterId: true, answer: true },
  });
  if (!t) throw notFound("That request");
  if (!canAnswerTapOut(me, t)) throw forbidden("Your partner answers this one.");
  await db.$transaction(async (tx) => {
    const res = await tx.tapOut.updateMany({
      where: { id: data.tapOutId, householdId: household.id, answer: null },
      data: { answer: data.answer, answeredById: me.caregiverId, answeredAt: now },
    });
    if (res.count === 0) throw conflict("Someone already answered.");
    await publishLive(tx, household.id, "tapout.answered", [data.tapOutId], me.caregiverId);
    await enqueuePush(tx, { kind: "tapout-answer", ...data, by: me, at: now });
  });
});
