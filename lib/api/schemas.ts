import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { HELPED } from "@/lib/log/helped";
import { ZLocalDate } from "@/lib/time/schemas";
import { API_SCOPES } from "@/lib/api/rights";
import { msg } from "@/lib/i18n/text";

// The shapes of the public API (/api/v1), in one place: the route handlers
// parse requests with them and lib/api/openapi.ts documents them, so the
// document can't drift from what is accepted. Request schemas are strict:
// a field we don't know is refused, not silently ignored. The domain parses
// its own input again (lib/context.ts); these are the edge's contract.

// Adds `.openapi()` for the generator (the documented way for zod 4).
extendZodWithOpenApi(z);

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(["unauthenticated", "forbidden", "not_found", "conflict", "invalid", "throttled", "unavailable"]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .openapi("Error");

/** The header a bedside button sends so that pressing twice logs once (a uuid it makes per press). */
export const ZIdempotencyHeaders = z.object({
  "idempotency-key": z
    .uuid()
    .optional()
    .openapi({ description: "A uuid per press: the same key again returns the first answer and writes nothing." }),
});

const ZInstant = z.iso.datetime({ offset: true });
const ZTappedAt = ZInstant.optional().openapi({
  description: "When it happened, if not now (a queued press); at most 12 hours ago.",
});

export const ZApiShift = z
  .object({
    id: z.uuid(),
    caregiverId: z.uuid(),
    caregiverName: z.string(),
    start: ZInstant,
    end: ZInstant,
  })
  .openapi("Shift");

export const ZApiNight = z
  .object({ date: ZLocalDate, start: ZInstant, end: ZInstant, shifts: z.array(ZApiShift) })
  .openapi("Night");

export const ZApiTonight = z
  .object({
    night: ZApiNight,
    onDuty: ZApiShift.nullable().openapi({ description: "Whose shift it is now (null between shifts)." }),
    next: ZApiShift.nullable().openapi({ description: "Whose shift starts next." }),
  })
  .openapi("Tonight");

/** At most this many nights per request (the nights calendar's own bound). */
export const MAX_API_NIGHTS = 43;

export const ZNightsQuery = z
  .strictObject({ from: ZLocalDate, to: ZLocalDate })
  .refine((q) => q.to >= q.from, { message: msg("apiTokens.rest.toBeforeFrom"), path: ["to"] })
  .openapi({ description: `At most ${MAX_API_NIGHTS} nights, both dates included.` });

export const ZApiNights = z.object({ nights: z.array(ZApiNight) }).openapi("Nights");

export const ZApiWaking = z
  .object({
    id: z.uuid(),
    babyId: z.uuid(),
    babyName: z.string(),
    responderId: z.uuid(),
    responderName: z.string(),
    cryingAt: ZInstant.nullable(),
    startedAt: ZInstant,
    endedAt: ZInstant.nullable(),
    helped: z.array(z.enum(HELPED)),
    note: z.string().nullable(),
    night: ZLocalDate,
  })
  .openapi("Waking");

export const ZApiNightLog = z.object({ night: ZLocalDate, wakings: z.array(ZApiWaking) }).openapi("NightLog");

export const ZDateParams = z.object({ date: ZLocalDate });

export const ZStartWakingBody = z
  .strictObject({
    babyId: z.uuid().optional().openapi({ description: "Needed only when the household has more than one baby." }),
    cryingMinutesAgo: z.number().int().min(0).max(60).optional(),
    tappedAt: ZTappedAt,
  })
  .openapi("StartWaking");

export const ZStartedWaking = z
  .object({
    wakingId: z.uuid(),
    resumed: z.boolean(),
    responderName: z.string(),
    babyId: z.uuid(),
    babyName: z.string(),
  })
  .openapi("StartedWaking");

export const ZWakingParams = z.object({
  id: z.union([z.uuid(), z.literal("current")]).openapi({
    description: "The waking's id, or `current` for the household's one open waking.",
  }),
});

export const ZEndWakingBody = z
  .strictObject({
    helped: z.array(z.enum(HELPED)).max(HELPED.length).optional(),
    note: z.string().max(280).optional(),
    tappedAt: ZTappedAt,
  })
  .openapi("EndWaking");

export const ZEndedWaking = z
  .object({ wakingId: z.uuid(), babyName: z.string(), minutes: z.number().int() })
  .openapi("EndedWaking");

export const ZTapOutBody = z.strictObject({ tappedAt: ZTappedAt }).openapi("TapOut");

export const ZTapOutResult = z.object({ tapOutId: z.uuid(), repeated: z.boolean() }).openapi("TapOutResult");

export const ZScope = z.enum(API_SCOPES);
