import { z } from "zod";
import { NOTE_MAX } from "@/lib/notes/limits";
import { msg } from "@/lib/i18n/text";

/**
 * A note's text, stored exactly as typed (only checked, never rewritten or
 * escaped: rendering makes it safe, see lib/notes/linkify.ts). Blank notes
 * are refused; so are NUL characters, which Postgres can't store in text.
 * Server-side only in practice (client code reads NOTE_MAX from lib/notes/limits).
 */
export const ZNoteBody = z
  .string({ error: msg("notes.errors.writeSomething") })
  .refine((s) => s.trim().length > 0, msg("notes.errors.writeSomething"))
  .refine((s) => s.length <= NOTE_MAX, msg("notes.errors.tooLong", { max: NOTE_MAX }))
  .refine((s) => !s.includes("\u0000"), msg("notes.errors.cantStore"));
