import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { requireMember } from "@/lib/household/guard";
import type { TLocalDate } from "@/lib/nights/night-window";

export type TNoteView = {
  id: string;
  kind: "note" | "handoff";
  body: string;
  authorId: string | null;
  /** "Someone who left" when the author is no longer in the household. */
  authorName: string;
  pinned: boolean;
  night: TLocalDate | null;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Written by someone else and not yet seen by the viewer. */
  unread: boolean;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
};

export type TNotesPage = {
  pinned: TNoteView[];
  notes: TNoteView[];
  /** The cursor for "Show older", when there are older notes. */
  older: string | null;
  query: string;
};

export const PAGE_SIZE = 30;
/** Pinned notes are few by nature ("allergic to…", an appointment); the list shows this many at most. */
export const MAX_PINNED = 50;
const QUERY_MAX = 100;

export const NOTE_SELECT = {
  id: true, kind: true, body: true, authorId: true, pinnedAt: true, nightDate: true, createdAt: true, editedAt: true, version: true,
  author: { select: { user: { select: { name: true } } } },
} satisfies Prisma.NoteSelect;

type TNoteRow = Prisma.NoteGetPayload<{ select: typeof NOTE_SELECT }>;

/** A row as the screens show it, with what the viewer may do. `read` = the viewer has seen it. */
export function noteView(n: TNoteRow, me: TMembership, read: boolean): TNoteView {
  const mine = n.authorId === me.caregiverId;
  return {
    id: n.id,
    kind: n.kind,
    body: n.body,
    authorId: n.authorId,
    authorName: n.author?.user.name ?? "Someone who left",
    pinned: Boolean(n.pinnedAt),
    night: n.nightDate ? n.nightDate.toISOString().slice(0, 10) : null,
    createdAt: n.createdAt.toISOString(),
    editedAt: n.editedAt?.toISOString() ?? null,
    version: n.version,
    unread: !mine && !read,
    mine,
    canEdit: mine,
    canDelete: mine || me.role === "parent",
  };
}

/** "50%_off" → "50\%\_off": the text is matched literally inside ILIKE's wildcards. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The cursor of a note: its creation instant and id (ties broken by id). */
export function cursorOf(n: { createdAt: string; id: string }): string {
  return `${n.createdAt}_${n.id}`;
}

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i.exec(cursor);
  if (!m || Number.isNaN(Date.parse(m[1]!))) throw invalid("That page of notes isn't available.");
  return { at: new Date(m[1]!), id: m[2]! };
}

/**
 * The Notes list: pinned notes on top (first page only), then the others newest
 * first, PAGE_SIZE at a time, optionally matching a text. Four queries
 * (membership, pinned, page, the viewer's reads of those notes), however many
 * notes the household has: each is an indexed range with a limit.
 */
export async function listNotes(
  actor: TActor | null,
  householdId: unknown,
  opts: { q?: string; before?: string } = {},
): Promise<TNotesPage> {
  const me = await requireMember(actor, householdId);
  const query = (opts.q ?? "").trim().slice(0, QUERY_MAX);
  const before = parseCursor(opts.before);
  const text: Prisma.NoteWhereInput = query ? { body: { contains: escapeLike(query), mode: "insensitive" } } : {};
  const base: Prisma.NoteWhereInput = { householdId: me.householdId, ...text };
  const [pinned, rows] = await Promise.all([
    before
      ? Promise.resolve([] as TNoteRow[])
      : db.note.findMany({ where: { ...base, pinnedAt: { not: null } }, orderBy: [{ pinnedAt: "desc" }, { id: "desc" }], take: MAX_PINNED, select: NOTE_SELECT }),
    db.note.findMany({
      where: {
        ...base,
        pinnedAt: null,
        ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE + 1,
      select: NOTE_SELECT,
    }),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const ids = [...pinned, ...page].map((n) => n.id);
  const reads = ids.length
    ? await db.noteRead.findMany({ where: { caregiverId: me.caregiverId, noteId: { in: ids } }, select: { noteId: true } })
    : [];
  const read = new Set(reads.map((r) => r.noteId));
  const views = (list: TNoteRow[]) => list.map((n) => noteView(n, me, read.has(n.id)));
  const notes = views(page);
  const last = notes[notes.length - 1];
  return { pinned: views(pinned), notes, older: rows.length > PAGE_SIZE && last ? cursorOf(last) : null, query };
}

/**
 * How many notes are new to this caregiver: written by someone else since
 * they joined, with no read row of theirs. One COUNT with NOT EXISTS. For the
 * shell's badge: `me` must come from requireMember (the caller's own
 * membership, read from the database), which the shell already has.
 */
export async function countUnreadNotes(me: TMembership): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM notes n
    JOIN caregivers c ON c.id = ${me.caregiverId}::uuid AND c.household_id = n.household_id
    WHERE n.household_id = ${me.householdId}::uuid
      AND n.author_id IS DISTINCT FROM c.id
      AND n.created_at >= c.joined_at
      AND NOT EXISTS (SELECT 1 FROM note_reads r WHERE r.note_id = n.id AND r.caregiver_id = c.id)`;
  return row?.n ?? 0;
}

/** The handoff notes of some nights, oldest first, for one of the night screens (two queries after membership). */
export async function handoffNotes(me: TMembership, nights: TLocalDate[]): Promise<TNoteView[]> {
  if (!nights.length) return [];
  const rows = await db.note.findMany({
    where: { householdId: me.householdId, kind: "handoff", nightDate: { in: nights.map((d) => new Date(`${d}T00:00:00Z`)) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: NOTE_SELECT,
  });
  const reads = rows.length
    ? await db.noteRead.findMany({ where: { caregiverId: me.caregiverId, noteId: { in: rows.map((r) => r.id) } }, select: { noteId: true } })
    : [];
  const read = new Set(reads.map((r) => r.noteId));
  return rows.map((n) => noteView(n, me, read.has(n.id)));
}

/** handoffNotes for a member: checks membership first. */
export async function getHandoffNotes(actor: TActor | null, householdId: unknown, nights: TLocalDate[]): Promise<TNoteView[]> {
  const me = await requireMember(actor, householdId);
  return handoffNotes(me, nights);
}
