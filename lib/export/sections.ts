import "server-only";
import { db } from "@/lib/db";
import { english } from "@/lib/i18n/english";
import type { THouseholdClock, TMe } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canSeeCheckIn } from "@/lib/balance/rights";
import { activityText } from "@/lib/connect/library";
import { formatClock } from "@/lib/format";
import { fromDbDate } from "@/lib/time/local-date";
import { isoInZone } from "@/lib/time/local-time";
import type { TExportScope } from "./rights";
import { keyset, mapBatches } from "./stream";
import { caregiverName } from "@/lib/household/caregiver-name";

// What the JSON export holds, table by table (docs/export-format.md). Every
// read names its columns (`select`), so a column added later (a secret, say)
// stays out until someone adds it here on purpose; every read is scoped by the
// caller's household, and the "mine" export by the caller's own caregiver id.

/** A caregiver's name as the export writes it: "a former caregiver" in British English, never a message reference. */
export function nameInEnglish(c: Parameters<typeof caregiverName>[0]): string {
  return english(caregiverName(c));
}

/** An activity's words as the export writes them: British English, never a message reference. */
export function activityInEnglish(row: Parameters<typeof activityText>[0]) {
  const words = activityText(row);
  return { ...words, name: english(words.name), why: english(words.why) };
}

export type TExportCtx = { me: TMe; household: THouseholdClock; scope: TExportScope };

/** One key of the JSON export: a list of rows, read a batch at a time. */
export type TSection = {
  key: string;
  /** The Prisma models whose rows (or some of their columns) it carries. */
  models: readonly Prisma.ModelName[];
  /** Which exports carry it: the household's (parents only) and/or one's own. */
  scopes: readonly TExportScope[];
  rows: (c: TExportCtx) => AsyncIterable<object[]>;
};

/** Models in the export's head rather than a section: the household row ("household", "settings"). */
export const HEAD_MODELS: readonly Prisma.ModelName[] = ["Household"];

/**
 * Models deliberately left out of every export, and why (the coverage test,
 * test/integration/export-models.test.ts, fails for a model in neither list).
 */
export const NOT_EXPORTED: Partial<Record<Prisma.ModelName, string>> = {
  Session: "signed-in devices: an account's security records, not the family's; Settings lists them",
  Invite: "invite links: the token hash is a credential, and who joined is in members",
  RateLimit: "the sign-in throttle's counters, keyed by address: no household's data",
  CalendarFeed: "the private calendar link is only a token hash (a credential); the shifts it shows are in shifts",
  LiveEvent: "the live channel's ids-only change notices, kept a day; the changes themselves are exported",
  NoteRead: "which notes each person has opened: the unread badge's state, and a partner's reading is theirs",
  ActionReceipt: "night-log replay receipts (a tap never counts twice): machinery, echoing rows exported anyway",
  PushSubscription: "a device's push endpoint and keys (p256dh, auth): credentials of that device",
  PushOutbox: "pushes waiting to be sent: a queue of copies of changes exported anyway",
  CspReport: "browser security reports about the site: no household's data",
  AccountToken: "single-use links sent by email (password reset, email change): only hashes of credentials",
  ApiToken: "personal API tokens (a device or app acting as a caregiver): only hashes of credentials",
  WebhookEndpoint: "webhook addresses and their sealed signing secrets: credentials for the family's other systems",
  WebhookDelivery: "webhook deliveries: a queue and a short log of copies of changes exported anyway",
};

/** An instant as the export writes it: ISO 8601 with the household's offset. */
export const at = (c: TExportCtx, d: Date) => isoInZone(d, c.household.timeZone);
export const atOrNull = (c: TExportCtx, d: Date | null) => (d ? at(c, d) : null);
/** Keyset by id: the rows after the last one sent. */
const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});
const idOf = (r: { id: string }) => r.id;
/** In the "mine" export only: the caller's own rows. */
export const onlyMine = <W extends object>(c: TExportCtx, where: W): W | Record<string, never> =>
  c.scope === "mine" ? where : {};

const BOTH = ["household", "mine"] as const;
const HOUSEHOLD = ["household"] as const;

export const SECTIONS: readonly TSection[] = [
  {
    key: "members",
    models: ["Caregiver", "User"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.caregiver.findMany({
              where: { householdId: c.household.id, ...onlyMine(c, { id: c.me.caregiverId }), ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              // The account's name and email only: never its password hash or session version.
              select: {
                id: true,
                userId: true,
                role: true,
                joinedAt: true,
                removedAt: true,
                formerName: true,
                user: { select: { name: true, email: true } },
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          userId: r.userId,
          name: nameInEnglish(r),
          // Removed members stay (their history is the household's); a deleted account has no address.
          email: r.user?.email ?? null,
          role: r.role,
          joinedAt: at(c, r.joinedAt),
          removedAt: r.removedAt ? at(c, r.removedAt) : null,
        }),
      ),
  },
  {
    key: "babies",
    models: ["Baby"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.baby.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: { id: true, name: true, birthDate: true, createdAt: true },
            }),
          idOf,
        ),
        (r) => ({ id: r.id, name: r.name, birthDate: fromDbDate(r.birthDate), createdAt: at(c, r.createdAt) }),
      ),
  },
  {
    key: "shifts",
    models: ["Shift"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.shift.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { caregiverId: c.me.caregiverId }),
                ...afterId(after),
              },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                nightDate: true,
                caregiverId: true,
                startsAt: true,
                endsAt: true,
                source: true,
                reason: true,
                version: true,
                createdById: true,
                updatedById: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          night: fromDbDate(r.nightDate),
          caregiverId: r.caregiverId,
          startsAt: at(c, r.startsAt),
          endsAt: at(c, r.endsAt),
          source: r.source,
          reason: r.reason === null ? null : english(r.reason),
          version: r.version,
          createdByUserId: r.createdById,
          updatedByUserId: r.updatedById,
          createdAt: at(c, r.createdAt),
          updatedAt: at(c, r.updatedAt),
        }),
      ),
  },
  {
    key: "nightHistory",
    models: ["NightEvent"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.nightEvent.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: { id: true, nightDate: true, actorId: true, kind: true, summary: true, createdAt: true },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          night: fromDbDate(r.nightDate),
          actorUserId: r.actorId,
          kind: r.kind,
          summary: english(r.summary),
          createdAt: at(c, r.createdAt),
        }),
      ),
  },
  {
    key: "unavailability",
    models: ["Unavailability"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.unavailability.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { caregiverId: c.me.caregiverId }),
                ...afterId(after),
              },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                caregiverId: true,
                startsAt: true,
                endsAt: true,
                note: true,
                createdById: true,
                createdAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          caregiverId: r.caregiverId,
          startsAt: at(c, r.startsAt),
          endsAt: at(c, r.endsAt),
          note: r.note,
          createdByUserId: r.createdById,
          createdAt: at(c, r.createdAt),
        }),
      ),
  },
  {
    key: "swaps",
    models: ["Swap"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.swap.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                shiftId: true,
                shiftVersion: true,
                fromId: true,
                toId: true,
                startsAt: true,
                endsAt: true,
                nightDate: true,
                requestedById: true,
                message: true,
                status: true,
                respondedAt: true,
                createdAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          shiftId: r.shiftId,
          shiftVersion: r.shiftVersion,
          night: fromDbDate(r.nightDate),
          fromId: r.fromId,
          toId: r.toId,
          startsAt: at(c, r.startsAt),
          endsAt: at(c, r.endsAt),
          requestedById: r.requestedById,
          message: r.message,
          status: r.status,
          respondedAt: atOrNull(c, r.respondedAt),
          createdAt: at(c, r.createdAt),
        }),
      ),
  },
  {
    key: "wakings",
    models: ["Waking"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.waking.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { responderId: c.me.caregiverId }),
                ...afterId(after),
              },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                babyId: true,
                nightDate: true,
                cryingAt: true,
                startedAt: true,
                endedAt: true,
                responderId: true,
                helped: true,
                note: true,
                version: true,
                updatedById: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          babyId: r.babyId,
          night: fromDbDate(r.nightDate),
          responderId: r.responderId,
          cryingAt: atOrNull(c, r.cryingAt),
          startedAt: at(c, r.startedAt),
          endedAt: atOrNull(c, r.endedAt),
          helped: r.helped,
          note: r.note,
          version: r.version,
          updatedByUserId: r.updatedById,
          createdAt: at(c, r.createdAt),
          updatedAt: at(c, r.updatedAt),
        }),
      ),
  },
  {
    key: "tapOuts",
    models: ["TapOut"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.tapOut.findMany({
              where: {
                householdId: c.household.id,
                ...onlyMine(c, { requesterId: c.me.caregiverId }),
                ...afterId(after),
              },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                nightDate: true,
                requesterId: true,
                requestedAt: true,
                answer: true,
                answeredById: true,
                answeredAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          night: fromDbDate(r.nightDate),
          requesterId: r.requesterId,
          requestedAt: at(c, r.requestedAt),
          answer: r.answer,
          answeredById: r.answeredById,
          answeredAt: atOrNull(c, r.answeredAt),
        }),
      ),
  },
  {
    key: "checkIns",
    models: ["CheckIn"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.checkIn.findMany({
              // Private unless shared: the caller's own, and (household export) the others' shared ones.
              where: {
                householdId: c.household.id,
                ...(c.scope === "mine"
                  ? { caregiverId: c.me.caregiverId }
                  : { OR: [{ shared: true }, { caregiverId: c.me.caregiverId }] }),
                ...afterId(after),
              },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                caregiverId: true,
                date: true,
                sleepiness: true,
                mood: true,
                note: true,
                shared: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        // The same rule the Balance page shows check-ins by, once more over what the query read.
        (r) =>
          canSeeCheckIn(c.me, r)
            ? {
                id: r.id,
                caregiverId: r.caregiverId,
                date: fromDbDate(r.date),
                sleepiness: r.sleepiness,
                mood: r.mood,
                note: r.note,
                shared: r.shared,
                createdAt: at(c, r.createdAt),
                updatedAt: at(c, r.updatedAt),
              }
            : null,
      ),
  },
  {
    key: "activities",
    models: ["Activity"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.activity.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                builtinKey: true,
                name: true,
                why: true,
                minutes: true,
                suits: true,
                archivedAt: true,
                createdById: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          builtinKey: r.builtinKey,
          // A built-in's words from the catalogue, the household's own from the row.
          ...activityInEnglish(r),
          archivedAt: atOrNull(c, r.archivedAt),
          createdById: r.createdById,
          createdAt: at(c, r.createdAt),
          updatedAt: at(c, r.updatedAt),
        }),
      ),
  },
  {
    key: "plan",
    models: ["PlanItem"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.planItem.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                activityId: true,
                startDate: true,
                untilDate: true,
                recurrence: true,
                weekdays: true,
                intervalDays: true,
                partOfDay: true,
                assigneeId: true,
                note: true,
                origin: true,
                version: true,
                createdById: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          activityId: r.activityId,
          startDate: fromDbDate(r.startDate),
          untilDate: r.untilDate ? fromDbDate(r.untilDate) : null,
          recurrence: r.recurrence,
          weekdays: r.weekdays,
          intervalDays: r.intervalDays,
          partOfDay: r.partOfDay,
          assigneeId: r.assigneeId,
          note: r.note,
          origin: r.origin,
          version: r.version,
          createdById: r.createdById,
          createdAt: at(c, r.createdAt),
          updatedAt: at(c, r.updatedAt),
        }),
      ),
  },
  {
    key: "checkOffs",
    models: ["CheckOff"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.checkOff.findMany({
              where: { householdId: c.household.id, ...onlyMine(c, { byId: c.me.caregiverId }), ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: { id: true, planItemId: true, date: true, status: true, byId: true, at: true, note: true },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          planItemId: r.planItemId,
          date: fromDbDate(r.date),
          status: r.status,
          byId: r.byId,
          at: at(c, r.at),
          note: r.note,
        }),
      ),
  },
  {
    key: "planSuggestions",
    models: ["PlanSuggestion"],
    scopes: HOUSEHOLD,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.planSuggestion.findMany({
              where: { householdId: c.household.id, ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: { id: true, date: true, kind: true, decision: true, byId: true, createdAt: true },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          date: fromDbDate(r.date),
          kind: r.kind,
          decision: r.decision,
          byId: r.byId,
          createdAt: at(c, r.createdAt),
        }),
      ),
  },
  {
    key: "notes",
    models: ["Note"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.note.findMany({
              where: { householdId: c.household.id, ...onlyMine(c, { authorId: c.me.caregiverId }), ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                authorId: true,
                kind: true,
                body: true,
                pinnedAt: true,
                nightDate: true,
                shiftId: true,
                version: true,
                editedAt: true,
                createdAt: true,
                updatedAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          authorId: r.authorId,
          kind: r.kind,
          body: r.body,
          night: r.nightDate ? fromDbDate(r.nightDate) : null,
          shiftId: r.shiftId,
          pinnedAt: atOrNull(c, r.pinnedAt),
          version: r.version,
          editedAt: atOrNull(c, r.editedAt),
          createdAt: at(c, r.createdAt),
          updatedAt: at(c, r.updatedAt),
        }),
      ),
  },
  {
    key: "thanks",
    models: ["Appreciation"],
    scopes: BOTH,
    rows: (c) =>
      mapBatches(
        keyset(
          (after: string | null, take) =>
            db.appreciation.findMany({
              where: { householdId: c.household.id, ...onlyMine(c, { fromId: c.me.caregiverId }), ...afterId(after) },
              orderBy: { id: "asc" },
              take,
              select: {
                id: true,
                fromId: true,
                toId: true,
                nightDate: true,
                message: true,
                seenAt: true,
                createdAt: true,
              },
            }),
          idOf,
        ),
        (r) => ({
          id: r.id,
          fromId: r.fromId,
          toId: r.toId,
          night: fromDbDate(r.nightDate),
          message: r.message,
          seenAt: atOrNull(c, r.seenAt),
          createdAt: at(c, r.createdAt),
        }),
      ),
  },
];

/**
 * The household row: who it is (both exports) and, in the household's export,
 * its settings: night window, rota and balance-warning choices, support text.
 */
export async function readHouseholdHead(c: TExportCtx): Promise<{ household: object; settings?: object }> {
  const h = await db.household.findUniqueOrThrow({
    where: { id: c.household.id },
    select: {
      id: true,
      name: true,
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      rotaTemplate: true,
      rotaMaxConsecutive: true,
      rotaFairnessWindow: true,
      warnConsecutive: true,
      warnSharePercent: true,
      warnSleepMinutes: true,
      warnSleepNights: true,
      supportText: true,
      keepFormerNames: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  const household = { id: h.id, name: h.name, timeZone: h.timeZone, createdAt: at(c, h.createdAt) };
  if (c.scope === "mine") return { household };
  return {
    household: { ...household, updatedAt: at(c, h.updatedAt) },
    settings: {
      nightStart: formatClock(h.nightStart),
      nightEnd: formatClock(h.nightEnd),
      rotaTemplate: h.rotaTemplate,
      rotaMaxConsecutive: h.rotaMaxConsecutive,
      rotaFairnessWindow: h.rotaFairnessWindow,
      warnConsecutive: h.warnConsecutive,
      warnSharePercent: h.warnSharePercent,
      warnSleepMinutes: h.warnSleepMinutes,
      warnSleepNights: h.warnSleepNights,
      supportText: h.supportText,
      keepFormerNames: h.keepFormerNames,
    },
  };
}
