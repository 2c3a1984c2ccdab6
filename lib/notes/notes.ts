import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { ZNoteBody } from "@/lib/notes/body";
import { ZLocalDate } from "@/lib/time/schemas";
import { publishLive } from "@/lib/live/publish";

// Notes between caregivers (docs/decisions/0012-notes.md):
//  - anyone in the household writes, reads and pins;
//  - only the author edits (a note says what its author wrote);
//  - the author or any parent deletes; a helper deletes only their own.
// Every write publishes "note.changed" so the partner's screens refresh.

const ZHousehold = z.object({ householdId: ZId });

export const ZCreateNote = z.object({
  householdId: ZId,
  body: ZNoteBody,
  kind: z.enum(["note", "handoff"], { error: "Choose a note or a handoff note." }).default("note"),
  /** Handoff notes belong to a night (its local start date)… */
  nightDate: z.union([z.literal(""), ZLocalDate]).optional(),
  /** …and, when written on duty, to the shift. */
  shiftId: z.union([z.literal(""), ZId]).optional(),
  pinned: z.union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()]).optional(),
});

/** Writes a note (or a handoff note for a night). Returns its id. */
export async function createNote(actor: TActor | null, input: unknown, now = new Date()): Promise<{ noteId: string }> {
  const { householdId } = parseInput(ZHousehold, input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZCreateNote, input);
  let nightDate: Date | null = null;
  let shiftId: string | null = null;
  if (data.kind === "handoff") {
    if (!data.nightDate)
      throw invalid("Choose the night this handoff note is for.", { nightDate: ["Choose a night."] });
    nightDate = new Date(`${data.nightDate}T00:00:00Z`);
    if (data.shiftId) {
      const shift = await db.shift.findFirst({ where: { id: data.shiftId, householdId }, select: { nightDate: true } });
      if (!shift || shift.nightDate.getTime() !== nightDate.getTime())
        throw invalid("That shift isn't on this night.", { shiftId: ["That shift isn't on this night."] });
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
}

export const ZUpdateNote = z.object({
  householdId: ZId,
  noteId: ZId,
  version: z.coerce.number({ error: "Open the note again and retry." }).int().min(0),
  body: ZNoteBody,
});

/** What a save found: saved, or the note had changed since it was opened (its current text comes back, yours is kept on screen). */
export type TUpdateNoteResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: { body: string; version: number; editedAt: string | null } };

async function findNote(householdId: string, noteId: string) {
  const n = await db.note.findFirst({
    where: { id: noteId, householdId },
    select: { id: true, authorId: true, body: true, version: true, editedAt: true, nightDate: true },
  });
  if (!n) throw notFound("That note");
  return n;
}

/**
 * Saves an edit against the version the editor opened. A stale version is
 * not an error the user caused: it returns the note's current text so the
 * screen can show both and nothing typed is lost.
 */
export async function updateNote(actor: TActor | null, input: unknown, now = new Date()): Promise<TUpdateNoteResult> {
  const { householdId } = parseInput(ZHousehold, input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZUpdateNote, input);
  const n = await findNote(householdId, data.noteId);
  if (n.authorId !== me.caregiverId) throw forbidden("Only the person who wrote a note can change it.");
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
  if (!current) throw notFound("That note");
  return {
    status: "conflict",
    current: { body: current.body, version: current.version, editedAt: current.editedAt?.toISOString() ?? null },
  };
}

export const ZNoteRef = z.object({ householdId: ZId, noteId: ZId });

function mayDelete(me: TMembership, authorId: string | null) {
  return authorId === me.caregiverId || me.role === "parent";
}

/** Deletes a note: its author, or any parent. */
export async function deleteNote(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(ZHousehold, input);
  const me = await requireMember(actor, householdId);
  const { noteId } = parseInput(ZNoteRef, input);
  const n = await findNote(householdId, noteId);
  if (!mayDelete(me, n.authorId)) throw forbidden("Only the person who wrote a note, or a parent, can remove it.");
  await db.$transaction(async (tx) => {
    await tx.note.deleteMany({ where: { id: n.id, householdId } });
    await publishLive(tx, householdId, "note.changed", [n.id], me.caregiverId);
  });
}

export const ZPinNote = z.object({
  householdId: ZId,
  noteId: ZId,
  pinned: z.enum(["true", "false"], { error: "Pin or unpin?" }),
});

/**
 * Pins or unpins a note (anyone in the household). It leaves the version
 * alone: pinning is not an edit of the text and must not turn the author's
 * open edit into a conflict. Pinning a pinned note changes nothing.
 */
export async function pinNote(actor: TActor | null, input: unknown, now = new Date()): Promise<void> {
  const { householdId } = parseInput(ZHousehold, input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZPinNote, input);
  const n = await findNote(householdId, data.noteId);
  const pin = data.pinned === "true";
  await db.$transaction(async (tx) => {
    const res = await tx.note.updateMany({
      where: { id: n.id, householdId, pinnedAt: pin ? null : { not: null } },
      data: { pinnedAt: pin ? now : null },
    });
    if (res.count) await publishLive(tx, householdId, "note.changed", [n.id], me.caregiverId);
  });
}

export const MAX_READ_IDS = 200;
export const ZMarkRead = z.object({
  householdId: ZId,
  noteIds: z.preprocess(
    (v) => (typeof v === "string" ? (v ? v.split(",") : []) : v),
    z.array(ZId).min(1, "Which notes?").max(MAX_READ_IDS, "Too many notes at once."),
  ),
});

/**
 * Marks notes as seen by the caller, in one statement. Ids of notes that are
 * gone (removed meanwhile) or not in this household are skipped. No live
 * event: what one caregiver has read is nobody else's news.
 */
export async function markNotesRead(actor: TActor | null, input: unknown): Promise<{ marked: number }> {
  const { householdId } = parseInput(ZHousehold, input);
  const me = await requireMember(actor, householdId);
  const { noteIds } = parseInput(ZMarkRead, input);
  const marked = await db.$executeRaw`
    INSERT INTO note_reads (note_id, caregiver_id)
    SELECT n.id, ${me.caregiverId}::uuid FROM notes n
    WHERE n.household_id = ${householdId}::uuid AND n.id = ANY(${noteIds}::uuid[])
    ON CONFLICT DO NOTHING`;
  return { marked };
}
