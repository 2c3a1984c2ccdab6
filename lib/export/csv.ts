import "server-only";
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db";
import { english } from "@/lib/i18n/english";
import { fromDbDate } from "@/lib/time/local-date";
import { activityInEnglish, at, atOrNull, nameInEnglish, onlyMine, type TExportCtx } from "./sections";
import { keyset, mapBatches, type TTimeCursor } from "./stream";
import { CAREGIVER_NAME_SELECT } from "@/lib/household/caregiver-name";

// One CSV per area, for spreadsheets (docs/export-format.md). Rows in time
// order (keyset on the time column, then id), names beside ids, instants as
// ISO 8601 with the household's offset. Quoting and formula escaping are
// csv-stringify's: a cell starting with = + - @ tab or CR gets a leading
// apostrophe, so a note can't become a formula in Excel or Sheets.

export const CSV_AREAS = ["nights", "wakings", "plan", "notes"] as const;
export type TCsvArea = (typeof CSV_AREAS)[number];

type TCell = string | number | null;
type TArea = { columns: readonly string[]; rows: (c: TExportCtx) => AsyncIterable<TCell[][]> };

const minutes = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null);
/** Keyset on (time, id): the rows after the last one sent, in time order. */
function afterTime<K extends string>(key: K, after: TTimeCursor | null) {
  if (!after) return {};
  const gt = { [key]: { gt: after.at } } as Record<K, { gt: Date }>;
  const tie = { [key]: after.at, id: { gt: after.id } } as Record<K, Date> & { id: { gt: string } };
  return { OR: [gt, tie] };
}
const NAME = { select: CAREGIVER_NAME_SELECT } as const;

const AREAS: Record<TCsvArea, TArea> = {
  nights: {
    columns: ["night", "caregiver", "starts_at", "ends_at", "minutes", "source", "reason", "shift_id", "caregiver_id"],
    rows: (c) =>
      mapBatches(
        keyset(
          (after: TTimeCursor | null, take) =>
            db.shift.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { caregiverId: c.me.caregiverId }),
                ...afterTime("startsAt", after),
              },
              orderBy: [{ startsAt: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                nightDate: true,
                caregiverId: true,
                startsAt: true,
                endsAt: true,
                source: true,
                reason: true,
                caregiver: NAME,
              },
            }),
          (r) => ({ at: r.startsAt, id: r.id }),
        ),
        (r) => [
          fromDbDate(r.nightDate),
          nameInEnglish(r.caregiver),
          at(c, r.startsAt),
          at(c, r.endsAt),
          minutes(r.startsAt, r.endsAt),
          r.source,
          r.reason === null ? null : english(r.reason),
          r.id,
          r.caregiverId,
        ],
      ),
  },
  wakings: {
    columns: [
      "night",
      "baby",
      "responder",
      "crying_at",
      "started_at",
      "ended_at",
      "minutes_awake",
      "helped",
      "note",
      "waking_id",
      "responder_id",
    ],
    rows: (c) =>
      mapBatches(
        keyset(
          (after: TTimeCursor | null, take) =>
            db.waking.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { responderId: c.me.caregiverId }),
                ...afterTime("startedAt", after),
              },
              orderBy: [{ startedAt: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                nightDate: true,
                cryingAt: true,
                startedAt: true,
                endedAt: true,
                responderId: true,
                helped: true,
                note: true,
                baby: { select: { name: true } },
                responder: NAME,
              },
            }),
          (r) => ({ at: r.startedAt, id: r.id }),
        ),
        (r) => [
          fromDbDate(r.nightDate),
          r.baby.name,
          nameInEnglish(r.responder),
          atOrNull(c, r.cryingAt),
          at(c, r.startedAt),
          atOrNull(c, r.endedAt),
          minutes(r.startedAt, r.endedAt),
          r.helped.join("; "),
          r.note,
          r.id,
          r.responderId,
        ],
      ),
  },
  // The plan's day-by-day record: one row per moment done or skipped (the
  // recurring rules themselves are in the JSON export's `plan`).
  plan: {
    columns: [
      "date",
      "activity",
      "status",
      "by",
      "at",
      "part_of_day",
      "assignee",
      "note",
      "check_off_id",
      "plan_item_id",
    ],
    rows: (c) =>
      mapBatches(
        keyset(
          (after: TTimeCursor | null, take) =>
            db.checkOff.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { byId: c.me.caregiverId }),
                ...afterTime("at", after),
              },
              orderBy: [{ at: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                planItemId: true,
                date: true,
                status: true,
                at: true,
                note: true,
                by: NAME,
                planItem: {
                  select: {
                    partOfDay: true,
                    assignee: NAME,
                    activity: { select: { builtinKey: true, name: true, why: true, minutes: true, suits: true } },
                  },
                },
              },
            }),
          (r) => ({ at: r.at, id: r.id }),
        ),
        (r) => [
          fromDbDate(r.date),
          activityInEnglish(r.planItem.activity).name,
          r.status,
          nameInEnglish(r.by),
          at(c, r.at),
          r.planItem.partOfDay,
          r.planItem.assignee ? nameInEnglish(r.planItem.assignee) : null,
          r.note,
          r.id,
          r.planItemId,
        ],
      ),
  },
  notes: {
    columns: ["created_at", "author", "kind", "night", "pinned_at", "edited_at", "body", "note_id", "author_id"],
    rows: (c) =>
      mapBatches(
        keyset(
          (after: TTimeCursor | null, take) =>
            db.note.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { authorId: c.me.caregiverId }),
                ...afterTime("createdAt", after),
              },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                authorId: true,
                kind: true,
                body: true,
                nightDate: true,
                pinnedAt: true,
                editedAt: true,
                createdAt: true,
                author: NAME,
              },
            }),
          (r) => ({ at: r.createdAt, id: r.id }),
        ),
        (r) => [
          at(c, r.createdAt),
          r.author ? nameInEnglish(r.author) : null,
          r.kind,
          r.nightDate ? fromDbDate(r.nightDate) : null,
          atOrNull(c, r.pinnedAt),
          atOrNull(c, r.editedAt),
          r.body,
          r.id,
          r.authorId,
        ],
      ),
  },
};

/** The options every piece of an export's CSV is written with (and a test reads it back with). */
export const CSV_OPTIONS = { escape_formulas: true, record_delimiter: "\r\n" } as const;

/** One area's CSV, a batch of rows at a time: the header first, then each batch quoted by csv-stringify. */
export async function* csvChunks(c: TExportCtx, area: TCsvArea): AsyncGenerator<string> {
  const { columns, rows } = AREAS[area];
  yield stringify([columns], CSV_OPTIONS);
  for await (const batch of rows(c)) yield stringify(batch, CSV_OPTIONS);
}
