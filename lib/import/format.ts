import { z } from "zod";
import { BUILTIN_KEYS, SUITS } from "@/lib/connect/library";
import {
  CheckOffStatus,
  Mood,
  NoteKind,
  PartOfDay,
  Recurrence,
  Role,
  ShiftSource,
  SwapStatus,
  TapOutAnswer,
} from "@/lib/generated/prisma/enums";
import { ZLocalDate } from "@/lib/time/schemas";
import { ZClock, ZTimeZone } from "@/lib/time/zone";
import { AFTER_FIELDS, ZId, ZKeptText, ZName } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// Attune's own export (docs/export-format.md, schemaVersion 1) as the import
// reads it: every field checked (ids are uuids, instants ISO 8601 with an
// offset, local dates real days, text bounded and free of NUL), then every
// pointer checked against the rows of the same file (ZAttuneFile's
// superRefine), so the transaction never meets a dangling id.

/** Rows per list: ten years of a busy household is ~30,000 in all; far above that is not a family's history. */
const MAX_ROWS = 200_000;
const ZInstant = z.iso.datetime({
  offset: true,
  error: msg("onboarding.import.errors.expectedTime", { example: "2026-11-01T19:00:00.000+01:00" }),
});
const ZInstantOrNull = ZInstant.nullable();
const ZInt = (min: number, max: number) => z.number().int().min(min).max(max);
const ZVersionN = ZInt(0, 2_147_483_647);
const ZIdOrNull = ZId.nullable();
/** The database's CHECKs (ends after it starts), said here first so a file gets the row's path, not a 500. */
const after = (a: string, b: string, orEqual = false) => ({
  check: (r: Record<string, unknown>) => {
    const [x, y] = [r[a], r[b]];
    if (typeof x !== "string" || typeof y !== "string") return true;
    const [tx, ty] = [Date.parse(x) || x, Date.parse(y) || y];
    return orEqual ? ty >= tx : ty > tx;
  },
  params: { ...AFTER_FIELDS, path: [b], message: msg("onboarding.import.errors.mustBeAfter", { field: a }) },
});
const ordered = <T extends z.ZodType>(row: T, a: string, b: string, orEqual = false) => {
  const rule = after(a, b, orEqual);
  return row.refine((r) => rule.check(r as Record<string, unknown>), rule.params);
};
const list = <T extends z.ZodType>(row: T) =>
  z.array(row).max(MAX_ROWS, msg("onboarding.import.errors.tooManyRows", { max: MAX_ROWS }));
const text = (what: string, max: number) => ZKeptText(what, max);
const textOrNull = (what: string, max: number) => ZKeptText(what, max).nullable();
/** Kinds, origins, decisions: short machine words. */
const ZWord = z.string().regex(/^[a-z0-9_-]{1,40}$/, msg("onboarding.import.errors.expectedWord"));

const ZWeeklyNight = z.union([
  z.strictObject({ caregiverId: ZId }),
  z.strictObject({ split: ZInt(0, 1439), first: ZId, second: ZId }),
]);
/** lib/nights/rota-templates.ts's TTemplate: its caregiver ids are remapped on import. */
export const ZRotaTemplate = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("alternate") }),
  z.strictObject({ kind: z.literal("split"), splitAt: ZInt(0, 1439), firstHalf: z.union([z.literal("rotate"), ZId]) }),
  z.strictObject({
    kind: z.literal("weekly"),
    pattern: z.partialRecord(z.enum(["0", "1", "2", "3", "4", "5", "6"]), ZWeeklyNight),
  }),
  z.strictObject({ kind: z.literal("feed-then-handover"), feederId: ZId, feedUntil: ZInt(0, 1439) }),
]);
export type TFileTemplate = z.infer<typeof ZRotaTemplate>;

const ZSettings = z.object({
  nightStart: ZClock(msg("household.what.nightStarts")),
  nightEnd: ZClock(msg("household.what.nightEnds")),
  rotaTemplate: ZRotaTemplate.nullable(),
  rotaMaxConsecutive: ZInt(1, 14),
  rotaFairnessWindow: ZInt(1, 365),
  warnConsecutive: ZInt(1, 60),
  warnSharePercent: ZInt(1, 100),
  warnSleepMinutes: ZInt(0, 1440),
  warnSleepNights: ZInt(1, 30),
  supportText: textOrNull(msg("onboarding.import.what.supportText"), 600),
  /** Absent in files from before docs/decisions/0030. */
  keepFormerNames: z.boolean().optional(),
});

const ZMember = z.object({
  id: ZId,
  /** Null: a former member whose account was deleted (docs/decisions/0030). */
  userId: ZId.nullable(),
  name: ZName(msg("onboarding.import.what.memberName")),
  email: z.string().max(254).nullable(),
  role: z.enum(Role),
  joinedAt: ZInstant,
  /** When they left or were removed; absent in files from before soft removal. */
  removedAt: ZInstant.nullable().optional(),
});

export const ZAttuneFile = z
  .object({
    schemaVersion: z.literal(1, { error: msg("onboarding.import.errors.otherVersion") }),
    exportedAt: ZInstant,
    scope: z.literal("household", {
      error: msg("onboarding.import.errors.ownDownload"),
    }),
    exportedBy: z.object({
      caregiverId: ZId,
      name: ZName(msg("onboarding.import.what.exporterName")),
      role: z.enum(Role),
    }),
    household: z.object({
      id: ZId,
      name: ZName(msg("household.what.householdName")),
      timeZone: ZTimeZone,
      createdAt: ZInstant,
      updatedAt: ZInstant,
    }),
    settings: ZSettings,
    members: z.array(ZMember).min(1).max(50),
    babies: z
      .array(
        z.object({
          id: ZId,
          name: ZName(msg("household.what.babyName"), 60),
          birthDate: ZLocalDate,
          createdAt: ZInstant,
        }),
      )
      .max(20),
    shifts: list(
      ordered(
        z.object({
          id: ZId,
          night: ZLocalDate,
          caregiverId: ZId,
          startsAt: ZInstant,
          endsAt: ZInstant,
          source: z.enum(ShiftSource),
          reason: textOrNull(msg("onboarding.import.what.reason"), 500),
          version: ZVersionN,
          createdByUserId: ZIdOrNull,
          updatedByUserId: ZIdOrNull,
          createdAt: ZInstant,
          updatedAt: ZInstant,
        }),
        "startsAt",
        "endsAt",
      ),
    ),
    nightHistory: list(
      z.object({
        id: ZId,
        night: ZLocalDate,
        actorUserId: ZIdOrNull,
        kind: ZWord,
        summary: text(msg("onboarding.import.what.summary"), 500),
        createdAt: ZInstant,
      }),
    ),
    unavailability: list(
      ordered(
        z.object({
          id: ZId,
          caregiverId: ZId,
          startsAt: ZInstant,
          endsAt: ZInstant,
          note: textOrNull(msg("onboarding.import.what.note"), 140),
          createdByUserId: ZId,
          createdAt: ZInstant,
        }),
        "startsAt",
        "endsAt",
      ),
    ),
    swaps: list(
      ordered(
        z.object({
          id: ZId,
          shiftId: ZId,
          shiftVersion: ZVersionN,
          night: ZLocalDate,
          fromId: ZId,
          toId: ZId,
          startsAt: ZInstant,
          endsAt: ZInstant,
          requestedById: ZId,
          message: textOrNull(msg("onboarding.import.what.message"), 200),
          status: z.enum(SwapStatus),
          respondedAt: ZInstantOrNull,
          createdAt: ZInstant,
        }),
        "startsAt",
        "endsAt",
      ),
    ),
    wakings: list(
      ordered(
        z.object({
          id: ZId,
          babyId: ZId,
          night: ZLocalDate,
          responderId: ZId,
          cryingAt: ZInstantOrNull,
          startedAt: ZInstant,
          endedAt: ZInstantOrNull,
          helped: z.array(text(msg("onboarding.import.what.helped"), 60)).max(20),
          note: textOrNull(msg("onboarding.import.what.note"), 280),
          version: ZVersionN,
          updatedByUserId: ZIdOrNull,
          createdAt: ZInstant,
          updatedAt: ZInstant,
        }),
        "startedAt",
        "endedAt",
        true,
      ),
    ),
    tapOuts: list(
      z.object({
        id: ZId,
        night: ZLocalDate,
        requesterId: ZId,
        requestedAt: ZInstant,
        answer: z.enum(TapOutAnswer).nullable(),
        answeredById: ZIdOrNull,
        answeredAt: ZInstantOrNull,
      }),
    ),
    checkIns: list(
      z.object({
        id: ZId,
        caregiverId: ZId,
        date: ZLocalDate,
        sleepiness: ZInt(1, 9),
        mood: z.enum(Mood).nullable(),
        note: textOrNull(msg("onboarding.import.what.note"), 500),
        shared: z.boolean(),
        createdAt: ZInstant,
        updatedAt: ZInstant,
      }),
    ),
    activities: list(
      z.object({
        id: ZId,
        builtinKey: z.enum(BUILTIN_KEYS as [string, ...string[]]).nullable(),
        name: ZName(msg("onboarding.import.what.activityName"), 80),
        why: textOrNull(msg("onboarding.import.what.why"), 200),
        minutes: ZInt(0, 1440).nullable(),
        suits: z.array(z.enum(SUITS)).max(SUITS.length),
        archivedAt: ZInstantOrNull,
        createdById: ZIdOrNull,
        createdAt: ZInstant,
        updatedAt: ZInstant,
      }),
    ),
    plan: list(
      ordered(
        z.object({
          id: ZId,
          activityId: ZId,
          startDate: ZLocalDate,
          untilDate: ZLocalDate.nullable(),
          recurrence: z.enum(Recurrence),
          weekdays: z.array(ZInt(1, 7)).max(7),
          intervalDays: ZInt(1, 366).nullable(),
          partOfDay: z.enum(PartOfDay),
          assigneeId: ZIdOrNull,
          note: textOrNull(msg("onboarding.import.what.note"), 200),
          origin: ZWord.nullable(),
          version: ZVersionN,
          createdById: ZIdOrNull,
          createdAt: ZInstant,
          updatedAt: ZInstant,
        }),
        "startDate",
        "untilDate",
        true,
      ),
    ),
    checkOffs: list(
      z.object({
        id: ZId,
        planItemId: ZId,
        date: ZLocalDate,
        status: z.enum(CheckOffStatus),
        byId: ZId,
        at: ZInstant,
        note: textOrNull(msg("onboarding.import.what.note"), 200),
      }),
    ),
    planSuggestions: list(
      z.object({ id: ZId, date: ZLocalDate, kind: ZWord, decision: ZWord, byId: ZIdOrNull, createdAt: ZInstant }),
    ),
    notes: list(
      z.object({
        id: ZId,
        authorId: ZIdOrNull,
        kind: z.enum(NoteKind),
        body: text(msg("onboarding.import.what.note"), 2000),
        night: ZLocalDate.nullable(),
        shiftId: ZIdOrNull,
        pinnedAt: ZInstantOrNull,
        version: ZVersionN,
        editedAt: ZInstantOrNull,
        createdAt: ZInstant,
        updatedAt: ZInstant,
      }),
    ),
    thanks: list(
      z.object({
        id: ZId,
        fromId: ZId,
        toId: ZId,
        night: ZLocalDate,
        message: textOrNull(msg("onboarding.import.what.message"), 200),
        seenAt: ZInstantOrNull,
        createdAt: ZInstant,
      }),
    ),
  })
  .superRefine((f, ctx) => {
    // Pointers that the database holds as foreign keys must name a row of this
    // file: the export never writes a dangling one (those rows are deleted with
    // the person), so one here is a damaged or hand-made file.
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const members = ids(f.members);
    const sets = {
      member: members,
      baby: ids(f.babies),
      shift: ids(f.shifts),
      activity: ids(f.activities),
      plan: ids(f.plan),
    };
    const need = (set: keyof typeof sets, id: string | null, path: (string | number)[]) => {
      if (id !== null && !sets[set].has(id))
        ctx.addIssue({ code: "custom", path, message: msg("onboarding.import.errors.unknownRow", { set }) });
    };
    need("member", f.exportedBy.caregiverId, ["exportedBy", "caregiverId"]);
    f.shifts.forEach((r, i) => need("member", r.caregiverId, ["shifts", i, "caregiverId"]));
    f.unavailability.forEach((r, i) => need("member", r.caregiverId, ["unavailability", i, "caregiverId"]));
    f.swaps.forEach((r, i) => {
      need("shift", r.shiftId, ["swaps", i, "shiftId"]);
      need("member", r.fromId, ["swaps", i, "fromId"]);
      need("member", r.toId, ["swaps", i, "toId"]);
    });
    f.wakings.forEach((r, i) => {
      need("baby", r.babyId, ["wakings", i, "babyId"]);
      need("member", r.responderId, ["wakings", i, "responderId"]);
    });
    f.tapOuts.forEach((r, i) => need("member", r.requesterId, ["tapOuts", i, "requesterId"]));
    f.checkIns.forEach((r, i) => need("member", r.caregiverId, ["checkIns", i, "caregiverId"]));
    f.plan.forEach((r, i) => {
      need("activity", r.activityId, ["plan", i, "activityId"]);
      need("member", r.assigneeId, ["plan", i, "assigneeId"]);
    });
    f.checkOffs.forEach((r, i) => {
      need("plan", r.planItemId, ["checkOffs", i, "planItemId"]);
      need("member", r.byId, ["checkOffs", i, "byId"]);
    });
    f.notes.forEach((r, i) => need("member", r.authorId, ["notes", i, "authorId"]));
    f.thanks.forEach((r, i) => {
      need("member", r.fromId, ["thanks", i, "fromId"]);
      need("member", r.toId, ["thanks", i, "toId"]);
    });
    const t = f.settings.rotaTemplate;
    if (t) for (const id of templateIds(t)) need("member", id, ["settings", "rotaTemplate"]);
  });

export type TAttuneFile = z.infer<typeof ZAttuneFile>;

/** The caregiver ids a rota template names. */
export function templateIds(t: TFileTemplate): string[] {
  switch (t.kind) {
    case "alternate":
      return [];
    case "split":
      return t.firstHalf === "rotate" ? [] : [t.firstHalf];
    case "feed-then-handover":
      return [t.feederId];
    case "weekly":
      return Object.values(t.pattern).flatMap((n) =>
        n ? ("caregiverId" in n ? [n.caregiverId] : [n.first, n.second]) : [],
      );
  }
}

/** The same template with every caregiver id passed through `map`. */
export function remapTemplate(t: TFileTemplate, map: (id: string) => string): TFileTemplate {
  switch (t.kind) {
    case "alternate":
      return t;
    case "split":
      return { ...t, firstHalf: t.firstHalf === "rotate" ? "rotate" : map(t.firstHalf) };
    case "feed-then-handover":
      return { ...t, feederId: map(t.feederId) };
    case "weekly":
      return {
        kind: "weekly",
        pattern: Object.fromEntries(
          Object.entries(t.pattern).map(([day, n]) => [
            day,
            n &&
              ("caregiverId" in n
                ? { caregiverId: map(n.caregiverId) }
                : { ...n, first: map(n.first), second: map(n.second) }),
          ]),
        ),
      };
  }
}
