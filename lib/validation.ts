import { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";
import { invalid } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { joinClockParts } from "@/lib/time/clock-parts";

export const ZId = z.uuid({ error: msg("validation.id") });

export const ZEmail = z
  .string({ error: msg("validation.emailRequired") })
  .trim()
  .toLowerCase()
  .min(1, msg("validation.emailRequired"))
  .max(254, msg("validation.emailTooLong"))
  .pipe(z.email({ error: msg("validation.email") }));

export const ZName = (what: string, max = 80) =>
  z
    .string({ error: msg("validation.enter", { what }) })
    .trim()
    .min(1, msg("validation.enter", { what }))
    .max(max, msg("validation.keepToOrFewer", { what, max }))
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), msg("validation.controlCharacters", { what }));

/** Control characters other than tab, newline and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A lone surrogate (half of an emoji, sent by a broken client): Postgres would store it as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Free text a person typed (a note, a reason, a why): trimmed, at most `max`
 * characters, and nothing Postgres refuses (NUL) or would silently change (a
 * lone surrogate). `what` names it in the messages (a message reference,
 * lib/i18n/text.ts, or plain words): "the note" gives "Keep the note to 200 characters."
 */
export const ZText = (what: string, max: number) =>
  z
    .string({ error: msg("validation.enter", { what }) })
    .trim()
    .max(max, msg("validation.keepTo", { what, max }))
    .refine((s) => !CONTROL.test(s), msg("validation.controlCharacters", { what }))
    .refine((s) => !LONE_SURROGATE.test(s), msg("validation.brokenCharacter", { what }));

/**
 * Text kept exactly as it was stored (an import of our own export: a note's
 * body "as typed"), with ZText's rules but no trimming, so a round trip
 * changes nothing.
 */
export const ZKeptText = (what: string, max: number) =>
  z
    .string({ error: msg("validation.expectedText", { what }) })
    .max(max, msg("validation.keepTo", { what, max }))
    .refine((s) => !CONTROL.test(s), msg("validation.controlCharacters", { what }))
    .refine((s) => !LONE_SURROGATE.test(s), msg("validation.brokenCharacter", { what }));

/** A row's version for a conflict check: a whole number that fits Postgres's integer. */
export const ZVersion = z.coerce
  .number({ error: msg("validation.reload") })
  .int(msg("validation.reload"))
  .min(0, msg("validation.reload"))
  .max(2_147_483_647, msg("validation.reload"));

/**
 * For checks across fields (`.refine(fn, { ...AFTER_FIELDS, message })`): run
 * only once every field parsed, so a check never sees a value its field refused.
 */
export const AFTER_FIELDS = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parse or throw an `invalid` AppError carrying per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = Object.values(fieldErrors)[0]?.[0] ?? msg("validation.check");
    throw invalid(first, fieldErrors);
  }
  return parsed.data;
}

/**
 * FormData to a plain object, without the `$ACTION_*` keys React adds. A name
 * posted more than once (a multi-select: checkboxes sharing a name) becomes
 * the list `FormData.getAll` gives; read it with `ZList`. Anything that is
 * not FormData gives only its string fields.
 */
export function formToObject(form: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  // Not form data (a hand-made request's JSON, a string, nothing): its own string
  // fields, or none, for the schema to refuse with a message, never a TypeError (a 500).
  if (!(form instanceof FormData)) {
    if (!form || typeof form !== "object" || Array.isArray(form)) return out;
    for (const [key, value] of Object.entries(form))
      if (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string")))
        if (!key.startsWith("$ACTION")) out[key] = value as string | string[];
    joinClockParts(out);
    return out;
  }
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length) out[key] = values.length === 1 ? values[0]! : values;
  }
  joinClockParts(out);
  return out;
}

/** A multi-select field: none, one or many values of `item` (repeated form names), as a list. */
export const ZList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), z.array(item).max(max));
