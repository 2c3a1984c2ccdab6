import { z } from "zod";
import { ZClock, ZTimeZone } from "@/lib/time/zone";
import { AFTER_FIELDS, ZId, ZName } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

const FIELDS = {
  name: ZName(msg("household.what.householdName")),
  timeZone: ZTimeZone,
  nightStart: ZClock(msg("household.what.nightStarts")),
  nightEnd: ZClock(msg("household.what.nightEnds")),
};

const nightEndsElsewhere = (h: { nightStart: number; nightEnd: number }) => h.nightStart !== h.nightEnd;
const NIGHT_ENDS_ELSEWHERE = {
  path: ["nightEnd"],
  message: msg("household.errors.nightEndsElsewhere"),
};

/** A new household's name, time zone and night window. */
export const ZNewHousehold = z.object(FIELDS).refine(nightEndsElsewhere, { ...AFTER_FIELDS, ...NIGHT_ENDS_ELSEWHERE });

/** A checkbox: "on" when ticked; absent (as a browser sends an unticked one) is false. */
const ZTicked = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()], {
    error: msg("household.errors.tickBox"),
  })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** The same, for the household `householdId` (its settings), with what happens to a deleted account's name. */
export const ZHouseholdChange = z
  .object({ householdId: ZId, ...FIELDS, keepFormerNames: ZTicked })
  .refine(nightEndsElsewhere, { ...AFTER_FIELDS, ...NIGHT_ENDS_ELSEWHERE });
