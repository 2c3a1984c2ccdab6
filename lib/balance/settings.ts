import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { ZId, ZText } from "@/lib/validation";
import { THRESHOLD_LIMITS, type TThresholds } from "@/lib/balance/warnings";
import { SUPPORT_TEXT_MAX } from "@/lib/balance/check-in-words";
import { BALANCE_SETTINGS_ROLE, canChangeBalanceSettings } from "@/lib/balance/rights";
import { publishLive } from "@/lib/live/publish";

const whole = (label: string, { min, max }: { min: number; max: number }) =>
  z.coerce
    .number({ error: `Enter ${label} as a whole number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `Choose ${min} to ${max}.`)
    .max(max, `Choose ${min} to ${max}.`);

export const ZBalanceSettings = z.object({
  householdId: ZId,
  warnConsecutive: whole("the nights in a row", THRESHOLD_LIMITS.warnConsecutive),
  warnSharePercent: whole("the share", THRESHOLD_LIMITS.warnSharePercent),
  /** Hours in the form; stored as minutes. */
  warnSleepHours: whole("the hours", THRESHOLD_LIMITS.warnSleepHours),
  warnSleepNights: whole("the nights", THRESHOLD_LIMITS.warnSleepNights),
  supportText: ZText("the support text", SUPPORT_TEXT_MAX).optional(),
});

export type TBalanceSettings = TThresholds & { supportText: string | null };
/** The settings as the viewer sees them: may they change them (lib/balance/rights.ts)? */
export type TBalanceSettingsView = TBalanceSettings & { canChange: boolean };

const SELECT = {
  warnConsecutive: true,
  warnSharePercent: true,
  warnSleepMinutes: true,
  warnSleepNights: true,
  supportText: true,
} as const;

/** The thresholds and support text (any member may read them). */
export const getBalanceSettings = householdQuery(
  z.object({ householdId: ZId }),
  {},
  async ({ me, household }): Promise<TBalanceSettingsView> => {
    const row = await db.household.findUniqueOrThrow({ where: { id: household.id }, select: SELECT });
    return { ...row, canChange: canChangeBalanceSettings(me) };
  },
);

/** Parents only (the context refuses anyone else before reading the input). An empty support text goes back to Attune's own words. */
export const updateBalanceSettings = householdAction(
  ZBalanceSettings,
  { role: BALANCE_SETTINGS_ROLE },
  async ({ me, household, data }): Promise<TBalanceSettings> =>
    db.$transaction(async (tx) => {
      const row = await tx.household.update({
        where: { id: household.id },
        data: {
          warnConsecutive: data.warnConsecutive,
          warnSharePercent: data.warnSharePercent,
          warnSleepMinutes: data.warnSleepHours * 60,
          warnSleepNights: data.warnSleepNights,
          supportText: data.supportText ? data.supportText : null,
        },
        select: SELECT,
      });
      await publishLive(tx, household.id, "household.changed", [household.id], me.caregiverId);
      return row;
    }),
);
