import { z } from "zod";
import { NOTE_MAX } from "@/lib/notes/limits";

/**
 * A note's text, stored exactly as typed (only checked, never rewritten or
 * escaped: rendering makes it safe, see lib/notes/linkify.ts). Blank notes
 * are refused; so are NUL characters, which Postgres can't store in text.
 * Server-side only in practice (client code reads NOTE_MAX from lib/notes/limits).
 */
export const ZNoteBody = z
  .string({ error: "Write something first." })
  .refine((s) => s.trim().length > 0, "Write something first.")
  .refine(
    (s) => s.length <= NOTE_MAX,
    `Keep a note to ${NOTE_MAX.toLocaleString("en-GB")} characters or fewer. Split a long one in two.`,
  )
  .refine((s) => !s.includes("\u0000"), "That text contains a character we can't store.");
