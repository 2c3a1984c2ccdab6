import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { requireMember } from "@/lib/household/guard";
import { type TLocalDate } from "@/lib/time/local-date";

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

type TNoteRow = {
  id: string;
  kind: "note" | "handoff";
  body: string;
  author_id: string | null;
  author_name: string | null;
  pinned_at: Date | null;
  night_date: Date | null;
  created_at: Date;
  edited_at: Date | null;
  version: number;
  read: boolean;
};

/**
 * Notes with their author's name and whether `me` has read them, in one
 * statement (Prisma's relation loading would take three). `where` and `tail`
 * (ORDER BY … LIMIT …) are SQL fragments built with Prisma.sql, so every value
 * is a bound parameter.
 */
export function selectNotes(me: TMembership, where: Prisma.Sql, tail: Prisma.Sql) {
  return Prisma.sql`
    SELECT n.id, n.kind::text AS kind, n.body, n.author_id, u.name AS author_name, n.pinned_at, n.night_date, n.created_at, n.edited_at, n.version,
           -- Seen, or written before I joined (those are history, not news: see countUnreadNotes).
           (EXISTS (SELECT 1 FROM note_reads r WHERE r.note_id = n.id AND r.caregiver_id = ${me.caregiverId}::uuid)
             OR n.created_at < (SELECT joined_at FROM caregivers WHERE id = ${me.caregiverId}::uuid)) AS read
    FROM notes n
    LEFT JOIN caregivers c ON c.id = n.author_id
    LEFT JOIN users u ON u.id = c.user_id
    WHERE n.household_id = ${me.householdId}::uuid AND ${where}
    ${tail}`;
}

export function queryNotes(me: TMembership, where: Prisma.Sql, tail: Prisma.Sql): Promise<TNoteRow[]> {
  return db.$queryRaw<TNoteRow[]>(selectNotes(me, where, tail));
}

/** A row as the screens show it, with what the viewer may do. */
export function noteView(n: TNoteRow, me: TMembership): TNoteView {
  const mine = n.author_id === me.caregiverId;
  return {
    id: n.id,
    kind: n.kind,
    body: n.body,
    authorId: n.author_id,
    authorName: n.author_name ?? "Someone who left",
    pinned: Boolean(n.pinned_at),
    night: n.night_date ? n.night_date.toISOString().slice(0, 10) : null,
    createdAt: n.created_at.toISOString(),
    editedAt: n.edited_at?.toISOString() ?? null,
    version: n.version,
    unread: !mine && !n.read,
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
  if (!m || Number.isNaN(Date.parse(m[1]!)) || m[1]! < "2000" || m[1]! > "2101")
    throw invalid("That page of notes isn't available.");
  return { at: new Date(m[1]!), id: m[2]! };
}

/**
 * The Notes list: pinned notes on top (first page only), then the others newest
 * first, PAGE_SIZE at a time, optionally matching a text (ILIKE, its
 * wildcards escaped). Two queries (membership, then both lists in one
 * statement), however many notes the household has.
 */
export async function listNotes(
  actor: TActor | null,
  householdId: unknown,
  opts: { q?: string; before?: string } = {},
): Promise<TNotesPage> {
  const me = await requireMember(actor, householdId);
  // NUL can't be in a Postgres text parameter (the note bodies refuse it too).
  const query = (opts.q ?? "")
    .replace(/\u0000/g, "")
    .trim()
    .slice(0, QUERY_MAX);
  const before = parseCursor(opts.before);
  const text = query ? Prisma.sql`n.body ILIKE ${`%${escapeLike(query)}%`}` : Prisma.sql`TRUE`;
  const older = before ? Prisma.sql`(n.created_at, n.id) < (${before.at}, ${before.id}::uuid)` : Prisma.sql`TRUE`;
  // One statement: the pinned (first page only) and one page of the others, newest first.
  const rows = await db.$queryRaw<(TNoteRow & { list: string })[]>`
    (SELECT *, 'pinned' AS list FROM (${selectNotes(me, Prisma.sql`n.pinned_at IS NOT NULL AND ${text} AND ${before ? Prisma.sql`FALSE` : Prisma.sql`TRUE`}`, Prisma.sql`ORDER BY n.pinned_at DESC, n.id DESC LIMIT ${MAX_PINNED}`)}) p)
    UNION ALL
    (SELECT *, 'page' AS list FROM (${selectNotes(me, Prisma.sql`n.pinned_at IS NULL AND ${text} AND ${older}`, Prisma.sql`ORDER BY n.created_at DESC, n.id DESC LIMIT ${PAGE_SIZE + 1}`)}) q)`;
  const pinned = rows.filter((r) => r.list === "pinned").map((r) => noteView(r, me));
  const all = rows.filter((r) => r.list === "page");
  const notes = all.slice(0, PAGE_SIZE).map((r) => noteView(r, me));
  const last = notes[notes.length - 1];
  return { pinned, notes, older: all.length > PAGE_SIZE && last ? cursorOf(last) : null, query };
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

/** The handoff notes of some nights, oldest first, for one of the night screens (one query). */
export async function handoffNotes(me: TMembership, nights: TLocalDate[]): Promise<TNoteView[]> {
  if (!nights.length) return [];
  const dates = nights.map((d) => new Date(`${d}T00:00:00Z`));
  const rows = await queryNotes(
    me,
    Prisma.sql`n.kind = 'handoff' AND n.night_date IN (${Prisma.join(dates.map((d) => Prisma.sql`${d}::date`))})`,
    Prisma.sql`ORDER BY n.created_at, n.id LIMIT 100`,
  );
  return rows.map((n) => noteView(n, me));
}

/** handoffNotes for a member: checks membership first. */
export async function getHandoffNotes(
  actor: TActor | null,
  householdId: unknown,
  nights: TLocalDate[],
): Promise<TNoteView[]> {
  const me = await requireMember(actor, householdId);
  return handoffNotes(me, nights);
}
