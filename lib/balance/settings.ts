import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { requireMember } from "@/lib/household/guard";
import { parseInput, ZId } from "@/lib/validation";
import type { TThresholds } from "@/lib/balance/warnings";
import { publishLive } from "@/lib/live/publish";

/**
 * Said beside the rest suggestion when the household has written nothing of
 * its own. Not clinical: it points to people who can help.
 */
export const DEFAULT_SUPPORT_TEXT =
  "You don't have to push through this alone. Your GP or health visitor can help, and a local parent helpline is there to listen, day or night. If you ever feel unsafe, call your local emergency number.";

export const SUPPORT_TEXT_MAX = 600;

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `Choose ${min} to ${max}.`)
    .max(max, `Choose ${min} to ${max}.`);

export const ZBalanceSettings = z.object({
  householdId: ZId,
  warnConsecutive: whole("the nights in a row", 2, 7),
  warnSharePercent: whole("the share", 55, 95),
  /** Hours in the form; stored as minutes. */
  warnSleepHours: whole("the hours", 1, 10),
  warnSleepNights: whole("the nights", 1, 5),
  supportText: z
    .string()
    .trim()
    .max(SUPPORT_TEXT_MAX, `Keep it to ${SUPPORT_TEXT_MAX} characters.`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "That text has characters we can't show.")
    .optional(),
});

export type TBalanceSettings = TThresholds & { supportText: string | null };

/** The thresholds and support text (any member may read them). */
export async function getBalanceSettings(actor: TActor | null, householdId: unknown): Promise<TBalanceSettings> {
  const me = await requireMember(actor, householdId);
  return db.household.findUniqueOrThrow({
    where: { id: me.householdId },
    select: {
      warnConsecutive: true,
      warnSharePercent: true,
      warnSleepMinutes: true,
      warnSleepNights: true,
      supportText: true,
    },
  });
}

/** Parents only. An empty support text goes back to Attune's own words. */
export async function updateBalanceSettings(actor: TActor | null, input: unknown): Promise<TBalanceSettings> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId, { role: "parent" });
  const data = parseInput(ZBalanceSettings, input);
  return db.$transaction(async (tx) => {
    const row = await tx.household.update({
      where: { id: me.householdId },
      data: {
        warnConsecutive: data.warnConsecutive,
        warnSharePercent: data.warnSharePercent,
        warnSleepMinutes: data.warnSleepHours * 60,
        warnSleepNights: data.warnSleepNights,
        supportText: data.supportText ? data.supportText : null,
      },
      select: {
        warnConsecutive: true,
        warnSharePercent: true,
        warnSleepMinutes: true,
        warnSleepNights: true,
        supportText: true,
      },
    });
    await publishLive(tx, me.householdId, "household.changed", [me.householdId], me.caregiverId);
    return row;
  });
}
