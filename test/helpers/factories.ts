import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { signUp } from "@/lib/account/sign-up";
import { resolveActor } from "@/lib/auth/session";
import type { TActor } from "@/lib/auth/actor";
import type { TSessionClaims } from "@/lib/auth/claims";
import { openSession } from "@/lib/auth/sessions";
import { createHousehold } from "@/lib/household/create-household";
import { acceptInvite, createInvite } from "@/lib/household/invites";
import type { NoteKind, PartOfDay, Recurrence, ShiftSource } from "@/lib/generated/prisma/enums";
import { addDays, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { instantAt } from "@/lib/time/local-time";
import { parseClock } from "@/lib/time/zone";
import { fakeRequest } from "./request";
import { recordDump } from "./describe-endpoint";

export type TTestUser = { id: string; email: string; password: string; name: string };

export const PASSWORD = "correct horse battery staple";

export async function makeUser(name = "Sam", password = PASSWORD): Promise<TTestUser> {
  const email = `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.com`;
  const { id } = await signUp({ name, email, password });
  // Signed in once, as after sign-up: tests that check "nothing was written"
  // then don't see actorOf's first session row as a write.
  await openSession(id, "test");
  return { id, email, password, name };
}

/**
 * The claims of a session this user has open now (lib/auth/sessions.ts): the
 * newest one still valid, or a new one, as a sign-in would make.
 */
export async function claimsOf(user: TTestUser): Promise<TSessionClaims> {
  const row = await getDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { sessionVersion: true, sessions: { where: { revokedAt: null }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const sessionId = row.sessions[0]?.id ?? (await openSession(user.id, "test"));
  return { userId: user.id, sessionVersion: row.sessionVersion, sessionId };
}

export async function actorOf(user: TTestUser): Promise<TActor> {
  const actor = await resolveActor(await claimsOf(user));
  if (!actor) throw new Error("test user has no actor");
  return actor;
}

/** Makes the next server action calls come from this user's (current) session; null = signed out. */
export async function signInAs(user: TTestUser | null): Promise<void> {
  if (!user) {
    fakeRequest.claims = null;
    return;
  }
  fakeRequest.claims = await claimsOf(user);
}

export const HOUSEHOLD_INPUT = {
  name: "Test household",
  timeZone: "Europe/Berlin",
  nightStart: "19:00",
  nightEnd: "07:00",
};

export async function makeHousehold(parent: TTestUser, name = "Test household"): Promise<string> {
  const { householdId } = await createHousehold(await actorOf(parent), { ...HOUSEHOLD_INPUT, name });
  return householdId;
}

export function tokenOf(path: string): string {
  return path.split("/").pop()!;
}

export async function join(householdId: string, inviter: TTestUser, who: TTestUser, role: "parent" | "helper") {
  const invite = await createInvite(await actorOf(inviter), { householdId, role });
  await acceptInvite(await actorOf(who), { token: tokenOf(invite.path) });
}

/** Two parents and a helper in one household. */
export async function makeFamily(label = "A") {
  const parent = await makeUser(`Parent${label}`);
  const partner = await makeUser(`Partner${label}`);
  const helper = await makeUser(`Helper${label}`);
  const householdId = await makeHousehold(parent, `Household ${label}`);
  await join(householdId, parent, partner, "parent");
  await join(householdId, parent, helper, "helper");
  return { parent, partner, helper, householdId };
}

export async function caregiverIdOf(user: TTestUser): Promise<string> {
  const c = await getDb().caregiver.findFirstOrThrow({
    where: { userId: user.id, removedAt: null },
    select: { id: true },
  });
  return c.id;
}

/**
 * Every row of every application table (new tables included automatically),
 * for "nothing was written" assertions. The throttle's counters are left out.
 */
export async function dumpTables(): Promise<Record<string, unknown[]>> {
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY 1`;
  const out: Record<string, unknown[]> = {};
  for (const { tablename } of tables) {
    const rows = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${tablename}" ORDER BY 1`);
    // bigint columns (live_events.id) as strings, so the dump can be JSON.stringified.
    out[tablename] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v])),
    );
  }
  recordDump(out);
  return out;
}

export function toForm(values: Record<string, string | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) f.set(k, v);
  return f;
}

// ---------------------------------------------------------------------------
// Rows of a household's life: shifts, wakings, notes, plan items.
//
// Straight into the database (no domain rules, no live events), with local
// dates and wall-clock times read in the household's own time zone and night
// window, so a test says "the night of 2026-12-01, 02:00" instead of working
// out instants by hand. Each returns the created row.
// ---------------------------------------------------------------------------

type THouseholdClock = { timeZone: string; nightStart: number; nightEnd: number };

async function clockOf(householdId: string): Promise<THouseholdClock> {
  return getDb().household.findUniqueOrThrow({
    where: { id: householdId },
    select: { timeZone: true, nightStart: true, nightEnd: true },
  });
}

function minutesOf(clock: string): number {
  const m = parseClock(clock);
  if (m === null) throw new Error(`Not a wall-clock time (HH:MM): ${clock}`);
  return m;
}

/**
 * The instant of a wall-clock time during the night of `night`: times before
 * the night starts (02:00 in a 19:00–07:00 window) fall on the next date.
 * A window that doesn't cross midnight keeps every time on `night`.
 */
export function nightInstant(night: TLocalDate, clock: string, h: THouseholdClock): Date {
  const minutes = minutesOf(clock);
  return instantAt(dateInNight(night, minutes, h), minutes, h.timeZone);
}

function dateInNight(night: TLocalDate, minutes: number, h: THouseholdClock): TLocalDate {
  const crossesMidnight = h.nightEnd <= h.nightStart;
  return crossesMidnight && minutes < h.nightStart ? addDays(night, 1) : night;
}

/** A baby in the household (Pip, born 2026-09-01, unless told). */
export async function makeBaby(householdId: string, opts: { name?: string; birthDate?: TLocalDate } = {}) {
  return getDb().baby.create({
    data: { householdId, name: opts.name ?? "Pip", birthDate: toDbDate(opts.birthDate ?? "2026-09-01") },
  });
}

export type TMakeShift = {
  /** The local date the night starts on. */
  night: TLocalDate;
  /** Wall-clock start, "HH:MM"; the household's night start unless told. */
  start?: string;
  /** Wall-clock end; the household's night end unless told. An end at or before the start is the next day. */
  end?: string;
  source?: ShiftSource;
  reason?: string;
};

/** A shift for the night of `night`, in the household's zone (by default the whole night window). */
export async function makeShift(householdId: string, caregiverId: string, opts: TMakeShift) {
  const h = await clockOf(householdId);
  const start = opts.start === undefined ? h.nightStart : minutesOf(opts.start);
  const end = opts.end === undefined ? h.nightEnd : minutesOf(opts.end);
  const startDate = dateInNight(opts.night, start, h);
  let endDate = dateInNight(opts.night, end, h);
  if (endDate < startDate || (endDate === startDate && end <= start)) endDate = addDays(startDate, 1);
  return getDb().shift.create({
    data: {
      householdId,
      caregiverId,
      nightDate: toDbDate(opts.night),
      startsAt: instantAt(startDate, start, h.timeZone),
      endsAt: instantAt(endDate, end, h.timeZone),
      source: opts.source ?? "rota",
      reason: opts.reason ?? null,
    },
  });
}

export type TMakeWaking = {
  night: TLocalDate;
  /** When the responder got up, "HH:MM" during the night (02:00 is the next morning); 03:00 unless told. */
  at?: string;
  /** How long they were up; null leaves the waking open. 20 unless told. */
  minutes?: number | null;
  /** The household's first baby unless told (one is made if it has none). */
  babyId?: string;
  helped?: string[];
  note?: string;
  /** Minutes of crying before the responder got up, if noted. */
  cryingFor?: number;
};

/** A waking during the night of `night`, answered by `responderId`. */
export async function makeWaking(householdId: string, responderId: string, opts: TMakeWaking) {
  const h = await clockOf(householdId);
  const babyId =
    opts.babyId ??
    (await getDb().baby.findFirst({ where: { householdId }, orderBy: { createdAt: "asc" }, select: { id: true } }))
      ?.id ??
    (await makeBaby(householdId)).id;
  const startedAt = nightInstant(opts.night, opts.at ?? "03:00", h);
  const minutes = opts.minutes === undefined ? 20 : opts.minutes;
  return getDb().waking.create({
    data: {
      householdId,
      babyId,
      responderId,
      nightDate: toDbDate(opts.night),
      startedAt,
      endedAt: minutes === null ? null : new Date(startedAt.getTime() + minutes * 60_000),
      cryingAt: opts.cryingFor === undefined ? null : new Date(startedAt.getTime() - opts.cryingFor * 60_000),
      helped: opts.helped ?? [],
      note: opts.note ?? null,
    },
  });
}

export type TMakeNote = {
  body?: string;
  /** "handoff" notes belong to a night; give `night` (and `shiftId` if it was left on a shift). */
  kind?: NoteKind;
  night?: TLocalDate;
  shiftId?: string;
  pinned?: boolean;
  /** When it was written (now unless told). */
  at?: Date;
};

/** A note by `authorId` (a caregiver id; null for a departed author). */
export async function makeNote(householdId: string, authorId: string | null, opts: TMakeNote = {}) {
  const kind = opts.kind ?? "note";
  if (kind === "handoff" && !opts.night) throw new Error("makeNote: a handoff note needs its night");
  const at = opts.at ?? new Date();
  return getDb().note.create({
    data: {
      householdId,
      authorId,
      kind,
      body:
        opts.body ??
        (kind === "handoff" ? "Fed at 21:30, gel is on the shelf." : "The thermometer is in the bathroom."),
      nightDate: opts.night ? toDbDate(opts.night) : null,
      shiftId: opts.shiftId ?? null,
      pinnedAt: opts.pinned ? at : null,
      createdAt: at,
    },
  });
}

export type TMakePlanItem = {
  /** The first (for "once": the only) day. */
  date: TLocalDate;
  /** An existing activity's id, or a name for a new custom activity ("Bath together" unless told). */
  activityId?: string;
  activity?: string;
  recurrence?: Recurrence;
  /** Last day, inclusive; a one-off ends on its day. */
  until?: TLocalDate | null;
  /** For "days": ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays?: number[];
  /** For "every_n". */
  intervalDays?: number;
  partOfDay?: PartOfDay;
  assigneeId?: string | null;
  note?: string;
  origin?: string;
  createdById?: string;
};

/** A plan item on Connect: a one-off on `date` unless told otherwise. */
export async function makePlanItem(householdId: string, opts: TMakePlanItem) {
  const db = getDb();
  const activityId =
    opts.activityId ??
    (await db.activity.create({ data: { householdId, name: opts.activity ?? "Bath together", suits: ["any"] } })).id;
  const recurrence = opts.recurrence ?? "once";
  const until = recurrence === "once" ? (opts.until ?? opts.date) : (opts.until ?? null);
  return db.planItem.create({
    data: {
      householdId,
      activityId,
      startDate: toDbDate(opts.date),
      untilDate: until ? toDbDate(until) : null,
      recurrence,
      weekdays: recurrence === "days" ? (opts.weekdays ?? [1]) : [],
      intervalDays: recurrence === "every_n" ? (opts.intervalDays ?? 2) : null,
      partOfDay: opts.partOfDay ?? "any",
      assigneeId: opts.assigneeId ?? null,
      note: opts.note ?? null,
      origin: opts.origin ?? null,
      createdById: opts.createdById ?? null,
    },
  });
}
