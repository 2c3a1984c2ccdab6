import { z } from "zod";
import { ZClock, ZTimeZone } from "@/lib/time/zone";
import { ZName } from "@/lib/validation";

export const ZHouseholdFields = z
  .object({
    name: ZName("a household name"),
    timeZone: ZTimeZone,
    nightStart: ZClock("when the night starts"),
    nightEnd: ZClock("when the night ends"),
  })
  .refine((h) => h.nightStart !== h.nightEnd, {
    path: ["nightEnd"],
    message: "The night must end at a different time than it starts.",
  });
