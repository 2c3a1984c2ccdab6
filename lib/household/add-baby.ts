import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { publishLive } from "@/lib/live/publish";
import { isRealDate, toDbDate } from "@/lib/time/local-date";
import { ZId, ZName } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

const DAY = 24 * 60 * 60 * 1000;

const ZAddBaby = z.object({
  householdId: ZId,
  name: ZName(msg("household.what.babyName"), 60),
  birthDate: z
    .string({ error: msg("household.errors.birthDate.enter") })
    // One message at a time: empty is "enter it", not "that date doesn't exist".
    .min(1, { message: msg("household.errors.birthDate.enter"), abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: msg("household.errors.birthDate.format"), abort: true })
    .refine(isRealDate, msg("household.errors.birthDate.notReal"))
    .transform(toDbDate),
});

/** What is wrong with a birth date, judged at `now` (the request's clock). */
function birthDateProblem(birthDate: Date, now: Date): string | null {
  // A day of slack covers time zones ahead of UTC; due dates are not birth dates yet.
  if (birthDate.getTime() > now.getTime() + DAY) return msg("household.errors.birthDate.future");
  if (birthDate.getTime() < now.getTime() - 6 * 366 * DAY) return msg("household.errors.birthDate.tooOld");
  return null;
}

/** Parents add a baby (twins: one at a time). */
export const addBaby = householdAction(ZAddBaby, { role: "parent" }, async ({ me, data, now }) => {
  const problem = birthDateProblem(data.birthDate, now);
  if (problem) throw invalid(problem, { birthDate: [problem] });
  const { householdId: _id, ...fields } = data;
  return db.$transaction(async (tx) => {
    const baby = await tx.baby.create({ data: { householdId: me.householdId, ...fields }, select: { id: true } });
    await publishLive(tx, me.householdId, "household.changed", [baby.id], me.caregiverId);
    return { babyId: baby.id };
  });
});
