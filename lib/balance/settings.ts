import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { ZId, ZText } from "@/lib/validation";
import { THRESHOLD_LIMITS, type TThresholds } from "@/lib/balance/warnings";
import { SUPPORT_TEXT_MAX } from "@/lib/balance/check-in-words";
import { BALANCE_SETTINGS_ROLE, canChangeBalanceSettings } from "@/lib/balance/rights";
import { publishLive } from "@/lib/live/publish";
import { msg } from "@/lib/i18n/text";

/** `what`: a message reference naming the field ("balance.what.hours"). */
const whole = (what: string, { min, max }: { min: number; max: number }) => {
  const wholeNumber = msg("balance.errors.wholeNumber", { what });
  const between = msg("balance.errors.between", { min, max });
  return z.coerce.number({ error: wholeNumber }).int(wholeNumber).min(min, between).max(max, between);
};

export const ZBalanceSettings = z.object({
  householdId: ZId,
  warnConsecutive: whole(msg("balance.what.nightsInARow"), THRESHOLD_LIMITS.warnConsecutive),
  warnSharePercent: whole(msg("balance.what.share"), THRESHOLD_LIMITS.warnSharePercent),
  /** Hours in the form; stored as minutes. */
  warnSleepHours: whole(msg("balance.what.hours"), THRESHOLD_LIMITS.warnSleepHours),
  warnSleepNights: whole(msg("balance.what.nights"), THRESHOLD_LIMITS.warnSleepNights),
  supportText: ZText(msg("balance.what.supportText"), SUPPORT_TEXT_MAX).optional(),
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
