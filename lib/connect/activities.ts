import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { householdAction, householdQuery, type TMe } from "@/lib/context";
import { conflict, invalid, notFound } from "@/lib/errors";
import { publishLive } from "@/lib/live/publish";
import { ZId, ZList, ZName, ZText, ZVersion } from "@/lib/validation";
import { activityText, BUILTIN_KEYS, BUILTINS, builtin, SUITS, type TSuits } from "./library";
import { LIBRARY_EDITORS } from "./rights";
import { msg } from "@/lib/i18n/text";

// The library: built-ins (words in lib/connect/library.ts, hide/show only) and
// the household's own (add, edit, archive). Only parents change the library;
// everyone in the household uses it to plan (lib/connect/rights.ts,
// docs/decisions/0011-connect.md).

/**
 * Gives the household its built-in rows, once: one INSERT … ON CONFLICT DO
 * NOTHING on (householdId, builtinKey), so two first uses at once are fine
 * and a built-in added to the code later appears on the next write.
 */
export async function ensureBuiltins(tx: Tx | typeof db, householdId: string): Promise<void> {
  await tx.activity.createMany({
    data: BUILTINS.map((b) => ({ householdId, builtinKey: b.key, suits: b.suits })),
    skipDuplicates: true,
  });
}

/**
 * How forms name an activity: a built-in by its key (it may have no row yet),
 * the household's own by its id.
 */
export const ZActivityRef = z
  .string({ error: msg("connect.errors.chooseActivity") })
  .trim()
  .min(1, msg("connect.errors.chooseActivity"))
  .refine((s) => BUILTIN_KEYS.includes(s) || ZId.safeParse(s).success, msg("connect.errors.chooseFromLibrary"));

/** What every read of an activity row takes. */
const ACTIVITY_FIELDS = {
  id: true,
  builtinKey: true,
  name: true,
  why: true,
  minutes: true,
  suits: true,
  archivedAt: true,
  version: true,
} as const;

/** The activity row for a reference, scoped to the household (built-ins are created on first use). */
export async function resolveActivity(tx: Tx, householdId: string, ref: string, field = "activity") {
  if (builtin(ref)) await ensureBuiltins(tx, householdId);
  const row = await tx.activity.findFirst({
    where: builtin(ref) ? { householdId, builtinKey: ref } : { householdId, id: ref },
    select: ACTIVITY_FIELDS,
  });
  if (!row)
    throw invalid(msg("connect.errors.chooseFromYourLibrary"), {
      [field]: [msg("connect.errors.chooseFromYourLibrary")],
    });
  return row;
}

export type TActivityView = {
  /** What forms send: the built-in key or the row id. */
  ref: string;
  id: string | null;
  builtin: boolean;
  /** A built-in's name and why are message references (lib/i18n/text.ts); the household's own are as typed. */
  name: string;
  why: string;
  minutes: number | null;
  suits: string[];
  archived: boolean;
  version: number;
};

/** The library as the household sees it: built-ins first (in the code's order), then their own by name. */
export const getLibrary = householdQuery(z.object({ householdId: ZId }), {}, ({ me }) => readLibrary(me));

export async function readLibrary(me: TMe): Promise<TActivityView[]> {
  const rows = await db.activity.findMany({
    where: { householdId: me.householdId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ACTIVITY_FIELDS,
  });
  const byKey = new Map(rows.filter((r) => r.builtinKey).map((r) => [r.builtinKey!, r]));
  const builtins: TActivityView[] = BUILTINS.map((b) => {
    const row = byKey.get(b.key);
    return {
      ref: b.key,
      id: row?.id ?? null,
      builtin: true,
      ...activityText({ builtinKey: b.key, name: null, why: null, minutes: null, suits: [] }),
      archived: Boolean(row?.archivedAt),
      version: row?.version ?? 0,
    };
  });
  const own: TActivityView[] = rows
    .filter((r) => !r.builtinKey)
    .map((r) => ({
      ref: r.id,
      id: r.id,
      builtin: false,
      ...activityText(r),
      why: r.why ?? "",
      archived: Boolean(r.archivedAt),
      version: r.version,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...builtins, ...own];
}

const ZActivityFields = z.object({
  name: ZName(msg("connect.what.activityName"), 80),
  why: ZText(msg("connect.what.why"), 200).optional(),
  minutes: z
    .union([
      z.literal(""),
      z.coerce
        .number({ error: msg("connect.errors.minutesNumber") })
        .int(msg("connect.errors.minutesWhole"))
        .min(1, msg("connect.errors.minutesMin"))
        .max(600, msg("connect.errors.minutesMax")),
    ])
    .optional(),
  /** A multi-select: one `suits` per ticked box. */
  suits: ZList(z.enum(SUITS, { error: msg("connect.errors.chooseSuits") }), SUITS.length),
});

export const ZAddActivity = ZActivityFields.extend({ householdId: ZId });

function fieldsToData(d: z.infer<typeof ZActivityFields>) {
  const suits: TSuits[] = d.suits.length ? [...new Set(d.suits)] : ["any"];
  return { name: d.name, why: d.why || null, minutes: typeof d.minutes === "number" ? d.minutes : null, suits };
}

/** Adds one of the household's own activities (parents). */
export const addActivity = householdAction(
  ZAddActivity,
  LIBRARY_EDITORS,
  async ({ me, data }): Promise<{ activityId: string }> => {
    const householdId = me.householdId;
    const fields = fieldsToData(data);
    return db.$transaction(async (tx) => {
      const same = await tx.activity.findFirst({
        where: { householdId, builtinKey: null, name: { equals: fields.name, mode: "insensitive" } },
        select: { id: true },
      });
      if (same) throw invalid(msg("connect.errors.sameName"), { name: [msg("connect.errors.sameName")] });
      const row = await tx.activity.create({
        data: { householdId, ...fields, createdById: me.caregiverId },
        select: { id: true },
      });
      await publishLive(tx, householdId, "activity.changed", [row.id], me.caregiverId);
      return { activityId: row.id };
    });
  },
);

export const ZEditActivity = ZActivityFields.extend({
  householdId: ZId,
  activityId: ZId,
  version: ZVersion,
});

/** Edits one of the household's own activities; a stale version is a conflict (parents). */
export const editActivity = householdAction(ZEditActivity, LIBRARY_EDITORS, async ({ me, data }): Promise<void> => {
  const householdId = me.householdId;
  const fields = fieldsToData(data);
  await db.$transaction(async (tx) => {
    const row = await tx.activity.findFirst({
      where: { id: data.activityId, householdId },
      select: { id: true, builtinKey: true },
    });
    if (!row) throw notFound(msg("errors.what.activity"));
    if (row.builtinKey) throw invalid(msg("connect.errors.builtinKeepsWords"));
    const same = await tx.activity.findFirst({
      where: { householdId, builtinKey: null, id: { not: row.id }, name: { equals: fields.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (same) throw invalid(msg("connect.errors.sameName"), { name: [msg("connect.errors.sameName")] });
    const res = await tx.activity.updateMany({
      where: { id: row.id, householdId, version: data.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (res.count === 0) throw conflict(msg("connect.errors.activityChanged"));
    await publishLive(tx, householdId, "activity.changed", [row.id], me.caregiverId);
  });
});

export const ZArchiveActivity = z.object({
  householdId: ZId,
  activity: ZActivityRef,
  archived: z.enum(["true", "false"], { error: msg("connect.errors.hideOrShow") }).transform((v) => v === "true"),
});

/**
 * Hides an activity from the plan form, or shows it again (parents). Built-ins
 * can only be hidden, never deleted; plans already made keep showing it.
 */
export const setActivityArchived = householdAction(
  ZArchiveActivity,
  LIBRARY_EDITORS,
  async ({ me, data, now }): Promise<void> => {
    const householdId = me.householdId;
    await db.$transaction(async (tx) => {
      const row = await resolveActivity(tx, householdId, data.activity);
      if (Boolean(row.archivedAt) === data.archived) return;
      await tx.activity.updateMany({
        where: { id: row.id, householdId },
        data: { archivedAt: data.archived ? now : null, version: { increment: 1 } },
      });
      await publishLive(tx, householdId, "activity.changed", [row.id], me.caregiverId);
    });
  },
);
