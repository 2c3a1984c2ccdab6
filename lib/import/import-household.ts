import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { accountAction } from "@/lib/context";
import { db } from "@/lib/db";
import { forbidden, invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZNewHousehold } from "@/lib/household/household-input";
import { isExclusionViolation, isUniqueViolation } from "@/lib/prisma-errors";
import { toDbDate } from "@/lib/time/local-date";
import { wakingsFromSleep, ZBabyBuddyUpload } from "./baby-buddy";
import { remapTemplate, ZAttuneFile, type TAttuneFile } from "./format";
import { msg } from "@/lib/i18n/text";
import { english } from "@/lib/i18n/english";
import { FORMER_CAREGIVER } from "@/lib/household/caregiver-name";

// "Bring your data from a file" (docs/import.md, docs/decisions/0028-import.md):
// a person in no household yet creates one from Attune's own export or from
// Baby Buddy's sleep log. Everything is written in one transaction with fresh
// ids (a file's ids are never reused: it could name another household's rows),
// so a refused or failing file leaves nothing behind.

/** Long enough for ten years of history on a slow disk; the default 5 s is not. */
const TX = { timeout: 120_000, maxWait: 10_000 } as const;

/** Accounts that stand for the file's other caregivers: no one can sign in to them or be mailed at them. */
const PLACEHOLDER_DOMAIN = "import.attune.invalid";
/** Not an argon2 hash: verifyPassword answers false for it, whatever is typed. */
const NO_PASSWORD = "!imported";

export type TImportResult = { householdId: string; counts: Record<string, number> };

type TTx = Prisma.TransactionClient;

async function refuseIfInHousehold(userId: string) {
  // One household per account (docs/decisions/0004): leave the current one first.
  const existing = await db.caregiver.findFirst({ where: { userId, removedAt: null }, select: { id: true } });
  if (existing) throw forbidden(msg("onboarding.import.errors.alreadyInOne"));
}

/** The database refused a row the schema let through (two check-ins for one day, overlapping shifts): a 400, nothing kept. */
async function inOneTransaction<T>(fn: (tx: TTx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn, TX);
  } catch (e) {
    if (isExclusionViolation(e)) throw invalid(msg("onboarding.import.errors.overlap"));
    // A CHECK the schema did not say first (it says the ones known today, with the row's path).
    if (e instanceof Error && /violates check constraint|23514/.test(e.message))
      throw invalid(msg("onboarding.import.errors.breaksRule"));
    if (isUniqueViolation(e)) {
      const target = (e as { meta?: { target?: unknown; modelName?: unknown } }).meta;
      throw invalid(
        target?.modelName
          ? msg("onboarding.import.errors.duplicateOf", { model: String(target.modelName) })
          : msg("onboarding.import.errors.duplicate"),
      );
    }
    throw e;
  }
}

const ZAttuneInput = z.object({ file: ZAttuneFile });

/**
 * Attune's own export into a new household. The caregiver who downloaded it
 * (`exportedBy`) becomes the importer; every other member becomes a
 * placeholder caregiver with their name and role, so their nights, wakings and
 * notes stay theirs (docs/import.md). Audit pointers to accounts not in the
 * file (someone who left) become null, or the importer where a value is required.
 */
export const importAttuneFile = accountAction(ZAttuneInput, async ({ actor, data: { file } }) => {
  await refuseIfInHousehold(actor.userId);
  return inOneTransaction((tx) => writeAttune(tx, actor.userId, file));
});

async function writeAttune(tx: TTx, importerUserId: string, f: TAttuneFile): Promise<TImportResult> {
  const householdId = randomUUID();
  const fresh = () => randomUUID();
  const mapOf = (rows: { id: string }[]) => new Map(rows.map((r) => [r.id, fresh()]));
  const caregiver = mapOf(f.members);
  const user = new Map<string, string>();
  const baby = mapOf(f.babies);
  const shift = mapOf(f.shifts);
  const activity = mapOf(f.activities);
  const plan = mapOf(f.plan);
  // The superRefine checked every required pointer; these only look it up.
  const must = (m: Map<string, string>, id: string) => m.get(id)!;
  const maybe = (m: Map<string, string>, id: string | null) => (id === null ? null : (m.get(id) ?? null));
  const d = (s: string) => new Date(s);
  const dOrNull = (s: string | null) => (s === null ? null : new Date(s));
  const s = f.settings;

  // A former member whose account is gone gets no placeholder account: only their name, on their row.
  const placeholders = f.members.filter(
    (m): m is typeof m & { userId: string } => m.id !== f.exportedBy.caregiverId && m.userId !== null,
  );
  for (const m of f.members)
    if (m.id === f.exportedBy.caregiverId) user.set(m.userId ?? m.id, importerUserId);
    else if (m.userId !== null) user.set(m.userId, fresh());
  await tx.user.createMany({
    data: placeholders.map((m) => ({
      id: must(user, m.userId),
      name: m.name,
      email: `${must(user, m.userId)}@${PLACEHOLDER_DOMAIN}`,
      passwordHash: NO_PASSWORD,
    })),
  });
  await tx.household.create({
    data: {
      id: householdId,
      name: f.household.name,
      timeZone: f.household.timeZone,
      nightStart: s.nightStart,
      nightEnd: s.nightEnd,
      rotaTemplate: s.rotaTemplate ? remapTemplate(s.rotaTemplate, (id) => must(caregiver, id)) : undefined,
      rotaMaxConsecutive: s.rotaMaxConsecutive,
      rotaFairnessWindow: s.rotaFairnessWindow,
      warnConsecutive: s.warnConsecutive,
      warnSharePercent: s.warnSharePercent,
      warnSleepMinutes: s.warnSleepMinutes,
      warnSleepNights: s.warnSleepNights,
      supportText: s.supportText,
      keepFormerNames: s.keepFormerNames ?? false,
      createdAt: d(f.household.createdAt),
    },
  });
  const mine = { householdId };
  await tx.caregiver.createMany({
    data: f.members.map((m) => ({
      ...mine,
      id: must(caregiver, m.id),
      userId: m.id === f.exportedBy.caregiverId ? importerUserId : m.userId === null ? null : must(user, m.userId),
      // The importer is in charge of what they brought, whatever they were before.
      role: m.id === f.exportedBy.caregiverId ? ("parent" as const) : m.role,
      joinedAt: d(m.joinedAt),
      // The importer is a member; a former member stays one (a deleted account always is).
      removedAt:
        m.id === f.exportedBy.caregiverId
          ? null
          : m.removedAt
            ? d(m.removedAt)
            : m.userId === null
              ? d(f.exportedAt)
              : null,
      // An export writes "a former caregiver" in English: brought back as no name, it reads in each reader's language.
      formerName: m.userId === null && m.name !== english(FORMER_CAREGIVER) ? m.name : null,
    })),
  });
  await tx.baby.createMany({
    data: f.babies.map((b) => ({
      ...mine,
      id: must(baby, b.id),
      name: b.name,
      birthDate: toDbDate(b.birthDate),
      createdAt: d(b.createdAt),
    })),
  });
  await tx.shift.createMany({
    data: f.shifts.map((r) => ({
      ...mine,
      id: must(shift, r.id),
      caregiverId: must(caregiver, r.caregiverId),
      nightDate: toDbDate(r.night),
      startsAt: d(r.startsAt),
      endsAt: d(r.endsAt),
      source: r.source,
      reason: r.reason,
      version: r.version,
      createdById: maybe(user, r.createdByUserId),
      updatedById: maybe(user, r.updatedByUserId),
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.nightEvent.createMany({
    data: f.nightHistory.map((r) => ({
      ...mine,
      id: fresh(),
      nightDate: toDbDate(r.night),
      actorId: maybe(user, r.actorUserId),
      kind: r.kind,
      summary: r.summary,
      createdAt: d(r.createdAt),
    })),
  });
  await tx.unavailability.createMany({
    data: f.unavailability.map((r) => ({
      ...mine,
      id: fresh(),
      caregiverId: must(caregiver, r.caregiverId),
      startsAt: d(r.startsAt),
      endsAt: d(r.endsAt),
      note: r.note,
      createdById: maybe(user, r.createdByUserId) ?? importerUserId,
      createdAt: d(r.createdAt),
    })),
  });
  await tx.swap.createMany({
    data: f.swaps.map((r) => ({
      ...mine,
      id: fresh(),
      shiftId: must(shift, r.shiftId),
      shiftVersion: r.shiftVersion,
      nightDate: toDbDate(r.night),
      fromId: must(caregiver, r.fromId),
      toId: must(caregiver, r.toId),
      startsAt: d(r.startsAt),
      endsAt: d(r.endsAt),
      requestedById: maybe(caregiver, r.requestedById) ?? must(caregiver, r.fromId),
      message: r.message,
      status: r.status,
      respondedAt: dOrNull(r.respondedAt),
      createdAt: d(r.createdAt),
    })),
  });
  await tx.waking.createMany({
    data: f.wakings.map((r) => ({
      ...mine,
      id: fresh(),
      babyId: must(baby, r.babyId),
      nightDate: toDbDate(r.night),
      responderId: must(caregiver, r.responderId),
      cryingAt: dOrNull(r.cryingAt),
      startedAt: d(r.startedAt),
      endedAt: dOrNull(r.endedAt),
      helped: r.helped,
      note: r.note,
      version: r.version,
      updatedById: maybe(user, r.updatedByUserId),
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.tapOut.createMany({
    data: f.tapOuts.map((r) => ({
      ...mine,
      id: fresh(),
      nightDate: toDbDate(r.night),
      requesterId: must(caregiver, r.requesterId),
      requestedAt: d(r.requestedAt),
      answer: r.answer,
      answeredById: maybe(caregiver, r.answeredById),
      answeredAt: dOrNull(r.answeredAt),
    })),
  });
  await tx.checkIn.createMany({
    data: f.checkIns.map((r) => ({
      ...mine,
      id: fresh(),
      caregiverId: must(caregiver, r.caregiverId),
      date: toDbDate(r.date),
      sleepiness: r.sleepiness,
      mood: r.mood,
      note: r.note,
      shared: r.shared,
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.activity.createMany({
    data: f.activities.map((r) => ({
      ...mine,
      id: must(activity, r.id),
      builtinKey: r.builtinKey,
      // A built-in's words live in the library (lib/connect/library.ts); only the household's own are stored.
      name: r.builtinKey ? null : r.name,
      why: r.builtinKey ? null : r.why,
      minutes: r.builtinKey ? null : r.minutes,
      suits: r.builtinKey ? [] : r.suits,
      archivedAt: dOrNull(r.archivedAt),
      createdById: maybe(caregiver, r.createdById),
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.planItem.createMany({
    data: f.plan.map((r) => ({
      ...mine,
      id: must(plan, r.id),
      activityId: must(activity, r.activityId),
      startDate: toDbDate(r.startDate),
      untilDate: r.untilDate === null ? null : toDbDate(r.untilDate),
      recurrence: r.recurrence,
      weekdays: r.weekdays,
      intervalDays: r.intervalDays,
      partOfDay: r.partOfDay,
      assigneeId: maybe(caregiver, r.assigneeId),
      note: r.note,
      origin: r.origin,
      version: r.version,
      createdById: maybe(caregiver, r.createdById),
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.checkOff.createMany({
    data: f.checkOffs.map((r) => ({
      ...mine,
      id: fresh(),
      planItemId: must(plan, r.planItemId),
      date: toDbDate(r.date),
      status: r.status,
      byId: must(caregiver, r.byId),
      at: d(r.at),
      note: r.note,
    })),
  });
  await tx.planSuggestion.createMany({
    data: f.planSuggestions.map((r) => ({
      ...mine,
      id: fresh(),
      date: toDbDate(r.date),
      kind: r.kind,
      decision: r.decision,
      byId: maybe(caregiver, r.byId),
      createdAt: d(r.createdAt),
    })),
  });
  await tx.note.createMany({
    data: f.notes.map((r) => ({
      ...mine,
      id: fresh(),
      authorId: maybe(caregiver, r.authorId),
      kind: r.kind,
      body: r.body,
      nightDate: r.night === null ? null : toDbDate(r.night),
      // A loose pointer (no foreign key): a shift deleted since leaves the note on its night.
      shiftId: maybe(shift, r.shiftId),
      pinnedAt: dOrNull(r.pinnedAt),
      version: r.version,
      editedAt: dOrNull(r.editedAt),
      createdAt: d(r.createdAt),
      updatedAt: d(r.updatedAt),
    })),
  });
  await tx.appreciation.createMany({
    data: f.thanks.map((r) => ({
      ...mine,
      id: fresh(),
      fromId: must(caregiver, r.fromId),
      toId: must(caregiver, r.toId),
      nightDate: toDbDate(r.night),
      message: r.message,
      seenAt: dOrNull(r.seenAt),
      createdAt: d(r.createdAt),
    })),
  });
  const counts = {
    members: f.members.length,
    babies: f.babies.length,
    shifts: f.shifts.length,
    wakings: f.wakings.length,
    notes: f.notes.length,
    checkOffs: f.checkOffs.length,
  };
  return { householdId, counts };
}

const ZBabyBuddyInput = ZNewHousehold.and(z.object({ file: ZBabyBuddyUpload }));

/**
 * Baby Buddy's children and sleep log into a new household named and timed by
 * the form: children become babies, the gaps between night sleeps wakings.
 * Who got up is not in Baby Buddy: every waking is recorded as the importer's.
 */
export const importBabyBuddyFile = accountAction(ZBabyBuddyInput, async ({ actor, data }) => {
  await refuseIfInHousehold(actor.userId);
  const { file, ...household } = data;
  const wakings = wakingsFromSleep(file, household);
  return inOneTransaction(async (tx) => {
    const created = await tx.household.create({
      data: { ...household, caregivers: { create: { userId: actor.userId, role: "parent" } } },
      select: { id: true, caregivers: { select: { id: true } } },
    });
    const householdId = created.id;
    const responderId = created.caregivers[0]!.id;
    const babyOf = new Map(file.children.map((c) => [c.id, randomUUID()]));
    await tx.baby.createMany({
      data: file.children.map((c) => ({
        id: babyOf.get(c.id)!,
        householdId,
        name: [c.first_name, c.last_name?.trim()].filter(Boolean).join(" ").slice(0, 60),
        birthDate: toDbDate(c.birth_date),
      })),
    });
    await tx.waking.createMany({
      data: wakings.map((w) => ({
        householdId,
        babyId: babyOf.get(w.childId)!,
        nightDate: toDbDate(w.night),
        responderId,
        startedAt: w.startedAt,
        endedAt: w.endedAt,
        helped: [],
      })),
    });
    return {
      householdId,
      counts: { babies: file.children.length, sleeps: file.sleep.length, wakings: wakings.length },
    } satisfies TImportResult;
  });
});
