import { z } from "zod";
import type { TFieldErrors } from "@/lib/errors";
import { invalid } from "@/lib/errors";

export const ZId = z.uuid({ error: "That id is not valid." });

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const ZName = (what: string, max = 80) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} to ${max} characters or fewer.`)
    .refine(
      (s) => !/[\u0000-\u001f\u007f]/.test(s),
      `${what[0]?.toUpperCase()}${what.slice(1)} can't contain control characters.`,
    );

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
    const first = Object.values(fieldErrors)[0]?.[0] ?? "Please check what you entered.";
    throw invalid(first, fieldErrors);
  }
  return parsed.data;
}

/**
 * FormData to a plain object, without the `$ACTION_*` keys React adds. A name
 * posted more than once (a multi-select: checkboxes sharing a name) becomes
 * the list `FormData.getAll` gives; read it with `ZList`.
 */
export function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length) out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** A multi-select field: none, one or many values of `item` (repeated form names), as a list. */
export const ZList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : [v].flat()), z.array(item).max(max));
