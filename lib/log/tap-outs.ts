import "server-only";
import { z } from "zod";
import { householdAction } from "@/lib/context";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { toDbDate } from "@/lib/time/local-date";
import { nightOf } from "@/lib/log/night-of";
import { canAnswerTapOut } from "@/lib/log/rights";
import { publishLive } from "@/lib/live/publish";
import { once, tapTime, ZTap } from "@/lib/log/receipts";
import { enqueuePush } from "@/lib/push/enqueue";
import { msg } from "@/lib/i18n/text";

// A tap-out is the one thing that may wake the partner who is off duty: the
// caregiver on duty asks for help, explicitly. Both the request and its answer
// are logged (they count in the balance later).

const REPEAT_WINDOW_MS = 15 * 60_000;

export const ZRequestTapOut = z.object({ householdId: ZId, ...ZTap });

/** "I need you". A second press within 15 minutes returns the same request. */
export const requestTapOut = householdAction(
  ZRequestTapOut,
  {},
  async ({ me, household, data, now }): Promise<{ tapOutId: string; repeated: boolean }> => {
    const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
    return once({ ...receipt, kind: "tapOut" }, async (tx) => {
      const at = tapTime(data.tappedAt || undefined, now);
      const recent = await tx.tapOut.findFirst({
        where: {
          householdId: household.id,
          requesterId: me.caregiverId,
          answer: null,
          requestedAt: { gt: new Date(at.getTime() - REPEAT_WINDOW_MS) },
        },
        select: { id: true },
      });
      if (recent) return { tapOutId: recent.id, repeated: true };
      const row = await tx.tapOut.create({
        data: {
          householdId: household.id,
          requesterId: me.caregiverId,
          requestedAt: at,
          nightDate: toDbDate(nightOf(at, household.timeZone, household.nightStart, household.nightEnd)),
        },
        select: { id: true },
      });
      await publishLive(tx, household.id, "tapout.requested", [row.id], me.caregiverId, {
        type: "tapout.requested",
        occurredAt: at,
        data: { tapOutId: row.id, requesterName: me.name, requestedAt: at.toISOString() },
      });
      await enqueuePush(tx, { kind: "tapout", householdId: household.id, tapOutId: row.id, by: me, at: now });
      return { tapOutId: row.id, repeated: false };
    });
  },
);

export const ZAnswerTapOut = z.object({
  householdId: ZId,
  tapOutId: ZId,
  answer: z.enum(["coming", "cant"], { error: msg("log.errors.answer") }),
  ...ZTap,
});

/** The partner answers; the first answer stands. */
export const answerTapOut = householdAction(ZAnswerTapOut, {}, async ({ me, household, data, now }): Promise<void> => {
  const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
  await once({ ...receipt, kind: "answer" }, async (tx) => {
    const at = tapTime(data.tappedAt || undefined, now);
    const t = await tx.tapOut.findFirst({
      where: { id: data.tapOutId, householdId: household.id },
      select: { requesterId: true, answer: true },
    });
    if (!t) throw notFound(msg("errors.what.request"));
    if (!canAnswerTapOut(me, t)) throw forbidden(msg("log.errors.partnerAnswers"));
    const res = await tx.tapOut.updateMany({
      where: { id: data.tapOutId, householdId: household.id, answer: null },
      data: { answer: data.answer, answeredById: me.caregiverId, answeredAt: at },
    });
    if (res.count === 0) throw conflict(msg("log.errors.alreadyAnswered"));
    await publishLive(tx, household.id, "tapout.answered", [data.tapOutId], me.caregiverId, {
      type: "tapout.answered",
      occurredAt: at,
      data: { tapOutId: data.tapOutId, answer: data.answer, answeredByName: me.name, answeredAt: at.toISOString() },
    });
    await enqueuePush(tx, {
      kind: "tapout-answer",
      householdId: household.id,
      tapOutId: data.tapOutId,
      answer: data.answer,
      by: me,
      at: now,
    });
  });
});
