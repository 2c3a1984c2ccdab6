import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NoteKind } from "@/lib/generated/prisma/enums";
import type { TMembership } from "@/lib/auth/actor";
import { householdQuery, unreadThisRender, type TMe } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { ZId, ZList } from "@/lib/validation";
import { ZLocalDate } from "@/lib/time/schemas";
import { addDays, fromDbDate, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { nightWindow } from "@/lib/nights/night-window";
import { isNoteAuthor } from "@/lib/notes/rights";
import type { TUnreadNotes } from "@/lib/notes/query-keys";
import { UNREAD_NOTES_OF_C } from "@/lib/notes/unread-sql";
import { caregiverNameSql } from "@/lib/household/caregiver-name";
import { msg } from "@/lib/i18n/text";

/** The name of an author no longer in the household (a message reference: render it with useText/getText). */
export const SOMEONE_WHO_LEFT = msg("notes.someoneWhoLeft");

export type TNoteView = {
  id: string;
  kind: NoteKind;
  body: string;
  /** Null once the author left; what the rights (lib/notes/rights.ts) are judged on. */
  authorId: string | null;
  /** A name, or SOMEONE_WHO_LEFT ("Someone who left", a message reference) when the author is no longer in the household. */
  authorName: string;
  pinned: boolean;
  night: TLocalDate | null;
  createdAt: string;
  editedAt: string | null;
  version: number;
  /** Written by someone else and not yet seen by the viewer. */
  unread: boolean;
  mine: boolean;
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
  kind: NoteKind;
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
type TReader = Pick<TMe, "householdId" | "caregiverId">;

export function selectNotes(me: TReader, where: Prisma.Sql, tail: Prisma.Sql) {
  return Prisma.sql`
    SELECT n.id, n.kind::text AS kind, n.body, n.author_id,
           CASE WHEN c.id IS NULL THEN NULL ELSE ${caregiverNameSql()} END AS author_name, n.pinned_at, n.night_date, n.created_at, n.edited_at, n.version,
           -- Seen, or written before I joined (those are history, not news: see countUnread).
           (EXISTS (SELECT 1 FROM note_reads r WHERE r.note_id = n.id AND r.caregiver_id = ${me.caregiverId}::uuid)
             OR n.created_at < (SELECT joined_at FROM caregivers WHERE id = ${me.caregiverId}::uuid)) AS read
    FROM notes n
    LEFT JOIN caregivers c ON c.id = n.author_id
    LEFT JOIN users u ON u.id = c.user_id
    WHERE n.household_id = ${me.householdId}::uuid AND ${where}
    ${tail}`;
}

export function queryNotes(me: TReader, where: Prisma.Sql, tail: Prisma.Sql): Promise<TNoteRow[]> {
  return db.$queryRaw<TNoteRow[]>(selectNotes(me, where, tail));
}

/** A row as the screens show it, for the viewer `me` (what they may do with it: lib/notes/rights.ts). */
export function noteView(n: TNoteRow, me: TMe): TNoteView {
  const mine = isNoteAuthor(me, { authorId: n.author_id });
  return {
    id: n.id,
    kind: n.kind,
    body: n.body,
    authorId: n.author_id,
    authorName: n.author_name ?? SOMEONE_WHO_LEFT,
    pinned: Boolean(n.pinned_at),
    night: n.night_date ? fromDbDate(n.night_date) : null,
    createdAt: n.created_at.toISOString(),
    editedAt: n.edited_at?.toISOString() ?? null,
    version: n.version,
    unread: !mine && !n.read,
    mine,
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
    throw invalid(msg("notes.errors.badPage"));
  return { at: new Date(m[1]!), id: m[2]! };
}

export const ZListNotes = z.object({
  householdId: ZId,
  /** The search text; NUL is dropped (Postgres can't take it in a text parameter; bodies refuse it too). */
  q: z
    .string()
    .optional()
    .transform((q) =>
      (q ?? "")
        .replace(/\u0000/g, "")
        .trim()
        .slice(0, QUERY_MAX),
    ),
  /** The cursor of the last note shown ("Show older"). */
  before: z.string().optional(),
});

/**
 * The Notes list: pinned notes on top (first page only), then the others newest
 * first, PAGE_SIZE at a time, optionally matching a text (ILIKE, its
 * wildcards escaped). Two queries (membership, then both lists in one
 * statement), however many notes the household has.
 */
export const listNotes = householdQuery(ZListNotes, {}, async ({ me, data }): Promise<TNotesPage> => {
  const query = data.q;
  const before = parseCursor(data.before);
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
});

// How many notes are new to a caregiver (UNREAD_NOTES_OF_C): one COUNT with NOT EXISTS.
async function countUnread(m: TMembership): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT ${UNREAD_NOTES_OF_C} AS n FROM caregivers c
     WHERE c.id = ${m.caregiverId}::uuid AND c.household_id = ${m.householdId}::uuid`;
  return row?.n ?? 0;
}

/** The caller's unread count, for a context already resolved (`me` read from the database by lib/context.ts). */
export function unreadNoteCount(me: TMe): Promise<number> {
  return countUnread(me);
}

/** The navigation's badge (the shell, and GET /api/notes/unread): the caller's unread count. */
export const getUnreadNotes = householdQuery(
  z.object({ householdId: ZId }),
  {},
  async ({ me }): Promise<TUnreadNotes> => ({ count: (await unreadThisRender(me)) ?? (await unreadNoteCount(me)) }),
);

/** The handoff notes of some nights, oldest first, for one of the night screens (one query). */
export async function handoffNotesOf(me: TMe, nights: TLocalDate[]): Promise<TNoteView[]> {
  if (!nights.length) return [];
  const rows = await queryNotes(
    me,
    Prisma.sql`n.kind = 'handoff' AND n.night_date IN (${Prisma.join(nights.map((d) => Prisma.sql`${toDbDate(d)}::date`))})`,
    Prisma.sql`ORDER BY n.created_at, n.id LIMIT 100`,
  );
  return rows.map((n) => noteView(n, me));
}

/**
 * The notes around one night that Tonight's two note cards show, in one
 * statement per page render (React's cache, keyed by plain values): the
 * handoff notes of `night` and of the night after it (the handoff card, with
 * `night` = last night), and the notes others wrote while `night` ran (the
 * morning summary, with `night` = the night that just ended). Each card
 * keeps its own rows.
 */
export function notesAroundNight(me: TMe, night: TLocalDate, window: { start: Date; end: Date }): Promise<TNoteRow[]> {
  return notesAroundThisRender(me.householdId, me.caregiverId, night, window.start.getTime(), window.end.getTime());
}

const notesAroundThisRender = cache(
  (householdId: string, caregiverId: string, night: TLocalDate, start: number, end: number): Promise<TNoteRow[]> =>
    queryNotes(
      { householdId, caregiverId },
      Prisma.sql`((n.kind = 'handoff' AND n.night_date IN (${toDbDate(night)}::date, ${toDbDate(addDays(night, 1))}::date))
        OR (n.created_at >= ${new Date(start)} AND n.created_at < ${new Date(end)} AND n.author_id IS DISTINCT FROM ${caregiverId}::uuid))`,
      Prisma.sql`ORDER BY n.created_at, n.id LIMIT 150`,
    ),
);

/** Tonight's handoff card: the handoff notes of the night before `tonight` and of `tonight` (one read with the summary's). */
export const getTonightHandoffNotes = householdQuery(
  z.object({ householdId: ZId, tonight: ZLocalDate }),
  {},
  async ({ me, household: h, data }) => {
    const last = addDays(data.tonight, -1);
    const rows = await notesAroundNight(me, last, nightWindow(last, h.timeZone, h.nightStart, h.nightEnd));
    const nights = new Set([toDbDate(last).getTime(), toDbDate(data.tonight).getTime()]);
    return rows
      .filter((n) => n.kind === "handoff" && n.night_date && nights.has(n.night_date.getTime()))
      .map((n) => noteView(n, me));
  },
);

/** The handoff notes of some nights (tonight's card: this night and the one before; a night's page: that night). */
export const getHandoffNotes = householdQuery(
  z.object({ householdId: ZId, nights: ZList(ZLocalDate, 7) }),
  {},
  ({ me, data }) => handoffNotesOf(me, data.nights),
);
