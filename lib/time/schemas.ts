import { z } from "zod";
import { FIRST_LOCAL_DATE, isRealDate, LAST_LOCAL_DATE } from "@/lib/time/local-date";

/** The one rule for a local date anyone sends us: a real day between 2000 and 2100. */
export const ZLocalDate = z
  .string({ error: "Choose a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine(isRealDate, "That date doesn't exist.")
  .refine((s) => s >= FIRST_LOCAL_DATE && s <= LAST_LOCAL_DATE, "Choose a date between 2000 and 2100.");
