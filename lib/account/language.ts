import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction, householdAction } from "@/lib/context";
import { ALL_LOCALES, type TAnyLocale } from "@/lib/i18n/locales";
import { publishLive } from "@/lib/live/publish";
import { ZId } from "@/lib/validation";

const ZLocale = z.enum(ALL_LOCALES as [TAnyLocale, ...TAnyLocale[]], { error: "Choose one of the languages listed." });

/** A caregiver's own language; "" goes back to following the browser. Theirs alone: the partner keeps theirs. */
export const setLanguage = accountAction(
  z.object({ locale: z.union([ZLocale, z.literal("")], { error: "Choose one of the languages listed." }) }),
  async ({ actor, data }) => {
    await db.user.update({ where: { id: actor.userId }, data: { locale: data.locale || null } });
    return { locale: data.locale || null };
  },
);

/**
 * The household's conventions (the clock, the first day of the week), shared
 * by both partners: parents only, as for the household's other settings.
 */
export const setHouseholdLocale = householdAction(
  z.object({ householdId: ZId, locale: ZLocale }),
  { role: "parent" },
  async ({ me, data }) => {
    await db.$transaction(async (tx) => {
      await tx.household.update({ where: { id: me.householdId }, data: { locale: data.locale } });
      await publishLive(tx, me.householdId, "household.changed", [], me.caregiverId);
    });
    return { locale: data.locale };
  },
);
