import { z } from "zod";
import { msg } from "@/lib/i18n/text";
import { FIRST_LOCAL_DATE, isRealDate, LAST_LOCAL_DATE } from "@/lib/time/local-date";

/** The one rule for a local date anyone sends us: a real day between 2000 and 2100. */
export const ZLocalDate = z
  .string({ error: msg("validation.date.choose") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("validation.date.format"))
  .refine(isRealDate, msg("validation.date.notReal"))
  .refine((s) => s >= FIRST_LOCAL_DATE && s <= LAST_LOCAL_DATE, msg("validation.date.range"));
