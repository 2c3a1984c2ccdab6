import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, type TMe } from "@/lib/context";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { ZId, ZList, ZVersion } from "@/lib/validation";
import { ZNoteBody } from "@/lib/notes/body";
import { MAX_READ_IDS } from "@/lib/notes/limits";
import { canDeleteNote, canEditNote, DELETE_REFUSED, EDIT_REFUSED } from "@/lib/notes/rights";
import { ZLocalDate } from "@/lib/time/schemas";
import { toDbDate } from "@/lib/time/local-date";
import { publishLive } from "@/lib/live/publish";
import { msg } from "@/lib/i18n/text";

// Notes between caregivers (docs/decisions/0012-notes.md). Who may do what is
// in lib/notes/rights.ts; every write publishes "note.changed" so the
// partner's screens refresh.

export const ZCreateNote = z.object({
  householdId: ZId,
  body: ZNoteBody,
  kind: z.enum(["note", "handoff"], { error: msg("notes.errors.chooseKind") }).default("note"),
  /** Handoff notes belong to a night (its local start date)… */
  nightDate: z.union([z.literal(""), ZLocalDate]).optional(),
  /** …and, when written on duty, to the shift. */
  shiftId: z.union([z.literal(""), ZId]).optional(),
  pinned: z.union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()]).optional(),
});

/** Writes a note (or a handoff note for a night). Returns its id. */
export const createNote = householdAction(ZCreateNote, {}, async ({ me, data, now }): Promise<{ noteId: string }> => {
  const householdId = me.householdId;
  let nightDate: Date | null = null;
  let shiftId: string | null = null;
  if (data.kind === "handoff") {
    if (!data.nightDate)
      throw invalid(msg("notes.errors.chooseHandoffNight"), { nightDate: [msg("notes.errors.chooseNight")] });
    nightDate = toDbDate(data.nightDate);
    if (data.shiftId) {
      const shift = await db.shift.findFirst({ where: { id: data.shiftId, householdId }, select: { nightDate: true } });
      if (!shift || shift.nightDate.getTime() !== nightDate.getTime())
        throw invalid(msg("notes.errors.shiftNotOnNight"), { shiftId: [msg("notes.errors.shiftNotOnNight")] });
      shiftId = data.shiftId;
    }
  }
  const pinned = data.pinned === true || data.pinned === "on" || data.pinned === "true";
  return db.$transaction(async (tx) => {
    const note = await tx.note.create({
      data: {
        householdId,
        authorId: me.caregiverId,
        kind: data.kind,
        body: data.body,
        nightDate,
        shiftId,
        pinnedAt: pinned ? now : null,
        createdAt: now,
      },
      select: { id: true },
    });
    await publishLive(tx, householdId, "note.changed", [note.id], me.caregiverId);
    return { noteId: note.id };
  });
});

export const ZUpdateNote = z.object({
  householdId: ZId,
  noteId: ZId,
  version: ZVersion,
  body: ZNoteBody,
});

/** What a save found: saved, or the note had changed since it was opened (its current text comes back, yours is kept on screen). */
export type TUpdateNoteResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: { body: string; version: number; editedAt: string | null } };

/** A note of the caller's household, or not_found (another household's id looks the same as a missing one). */
async function findNote(me: TMe, noteId: string) {
  const n = await db.note.findFirst({
    where: { id: noteId, householdId: me.householdId },
    select: { id: true, authorId: true },
  });
  if (!n) throw notFound(msg("errors.what.note"));
  return n;
}

/**
 * Saves an edit against the version the editor opened. A stale version is
 * not an error the user caused: it returns the note's current text so the
 * screen can show both and nothing typed is lost.
 */
export const updateNote = householdAction(ZUpdateNote, {}, async ({ me, data, now }): Promise<TUpdateNoteResult> => {
  const householdId = me.householdId;
  const n = await findNote(me, data.noteId);
  if (!canEditNote(me, n)) throw forbidden(EDIT_REFUSED);
  const saved = await db.$transaction(async (tx) => {
    const res = await tx.note.updateMany({
      where: { id: n.id, householdId, authorId: me.caregiverId, version: data.version },
      data: { body: data.body, version: { increment: 1 }, editedAt: now },
    });
    if (res.count === 0) return false;
    await publishLive(tx, householdId, "note.changed", [n.id], me.caregiverId);
    return true;
  });
  if (saved) return { status: "saved", version: data.version + 1 };
  const current = await db.note.findFirst({
    where: { id: n.id, householdId },
    select: { body: true, version: true, editedAt: true },
  });
  if (!current) throw notFound(msg("errors.what.note"));
  return {
    status: "conflict",
    current: { body: current.body, version: current.version, editedAt: current.editedAt?.toISOString() ?? null },
  };
});

export const ZNoteRef = z.object({ householdId: ZId, noteId: ZId });

/** Deletes a note: its author, or any parent. */
export const deleteNote = householdAction(ZNoteRef, {}, async ({ me, data }): Promise<void> => {
  const n = await findNote(me, data.noteId);
  if (!canDeleteNote(me, n)) throw forbidden(DELETE_REFUSED);
  await db.$transaction(async (tx) => {
    await tx.note.deleteMany({ where: { id: n.id, householdId: me.householdId } });
    await publishLive(tx, me.householdId, "note.changed", [n.id], me.caregiverId);
  });
});

export const ZPinNote = z.object({
  householdId: ZId,
  noteId: ZId,
  pinned: z.enum(["true", "false"], { error: msg("notes.errors.pinOrUnpin") }),
});

/**
 * Pins or unpins a note (anyone in the household). It leaves the version
 * alone: pinning is not an edit of the text and must not turn the author's
 * open edit into a conflict. Pinning a pinned note changes nothing.
 */
export const pinNote = householdAction(ZPinNote, {}, async ({ me, data, now }): Promise<void> => {
  const n = await findNote(me, data.noteId);
  const pin = data.pinned === "true";
  await db.$transaction(async (tx) => {
    const res = await tx.note.updateMany({
      where: { id: n.id, householdId: me.householdId, pinnedAt: pin ? null : { not: null } },
      data: { pinnedAt: pin ? now : null },
    });
    if (res.count) await publishLive(tx, me.householdId, "note.changed", [n.id], me.caregiverId);
  });
});

export const ZMarkRead = z.object({
  householdId: ZId,
  /** One `noteIds` field per note shown (a form posts the name repeatedly). */
  noteIds: ZList(ZId, MAX_READ_IDS).refine((ids) => ids.length > 0, msg("notes.errors.whichNotes")),
});

/**
 * Marks notes as seen by the caller, in one statement. Ids of notes that are
 * gone (removed meanwhile) or not in this household are skipped. No live
 * event: what one caregiver has read is nobody else's news.
 */
export const markNotesRead = householdAction(ZMarkRead, {}, async ({ me, data }): Promise<{ marked: number }> => {
  const marked = await db.$executeRaw`
    INSERT INTO note_reads (note_id, caregiver_id)
    SELECT n.id, ${me.caregiverId}::uuid FROM notes n
    WHERE n.household_id = ${me.householdId}::uuid AND n.id = ANY(${data.noteIds}::uuid[])
    ON CONFLICT DO NOTHING`;
  return { marked };
});
