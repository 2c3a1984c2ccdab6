import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, isAnyLocale } from "@/lib/i18n/locales";
import type { TRole } from "@/lib/auth/actor";
import type { THouseholdClock } from "@/lib/context";
import { caregiverName } from "@/lib/household/caregiver-name";
import { liveHub, type LiveHub } from "@/lib/live/hub";
import { nightOf } from "@/lib/log/night-of";
import { fromDbDate, type TLocalDate } from "@/lib/time/local-date";

/**
 * What rarely changes in a household and nearly every page shows: its name and
 * clock, the balance thresholds, the members with their names, the babies.
 * Read in one statement (relation joins), kept across requests per household
 * (see HouseholdDetailsCache) and once per render (React cache).
 *
 * Display data only: who may do what is still decided by the request
 * context's fresh membership read (lib/context.ts).
 */
export type THouseholdDetails = {
  household: THouseholdClock;
  thresholds: {
    warnConsecutive: number;
    warnSharePercent: number;
    warnSleepMinutes: number;
    warnSleepNights: number;
    supportText: string | null;
  };
  /** The active members (who is in the household now), in order of joining. */
  members: { caregiverId: string; userId: string; name: string; email: string; role: TRole; joinedAt: Date }[];
  /**
   * Those who left or were removed, in order of joining: only to name them on
   * what they did (docs/decisions/0030), never to choose or reach them.
   */
  former: { caregiverId: string; name: string; role: TRole; joinedAt: Date; removedAt: Date }[];
  /** Oldest first. */
  babies: { id: string; name: string; birthDate: TLocalDate }[];
  /** A deleted account's name stays on what they did (true) or becomes "a former caregiver" (docs/decisions/0030). */
  keepFormerNames: boolean;
  /** The night the household was made in (lib/log/night-of.ts): no night before it is listed. */
  firstNight: TLocalDate;
  /**
   * A parent's request to delete the household, while its grace period runs
   * (lib/household/delete-household.ts); null otherwise. Here, and not in a
   * read of its own, so every page's banner costs no statement (#11).
   */
  deletion: THouseholdDeletion | null;
};

export type THouseholdDeletion = { requestedAt: Date; dueAt: Date; requestedById: string };
/**
 * Everyone who has been a member, in order of joining, with when they left
 * (null: still a member): for figures and names of the past (Balance), never
 * for choosing or reaching someone.
 */
export function everyoneOf(
  d: Pick<THouseholdDetails, "members" | "former">,
): { caregiverId: string; name: string; role: TRole; joinedAt: Date; removedAt: Date | null }[] {
  return [
    ...d.members.map((m) => ({
      caregiverId: m.caregiverId,
      name: m.name,
      role: m.role,
      joinedAt: m.joinedAt,
      removedAt: null,
    })),
    ...d.former,
  ].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
}

/** One statement (LATERAL joins with previewFeatures relationJoins); null for a household that is gone. */
export async function readHouseholdDetails(householdId: string): Promise<THouseholdDetails | null> {
  const row = await db.household.findUnique({
    relationLoadStrategy: "join",
    where: { id: householdId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      locale: true,
      warnConsecutive: true,
      warnSharePercent: true,
      warnSleepMinutes: true,
      warnSleepNights: true,
      supportText: true,
      keepFormerNames: true,
      createdAt: true,
      deletionRequestedAt: true,
      deletionRequestedById: true,
      deletionDueAt: true,
      caregivers: {
        orderBy: { joinedAt: "asc" },
        select: {
          id: true,
          role: true,
          joinedAt: true,
          removedAt: true,
          formerName: true,
          user: { select: { id: true, name: true, email: true } },
        },
      },
      babies: { orderBy: { birthDate: "asc" }, select: { id: true, name: true, birthDate: true } },
    },
  });
  if (!row) return null;
  const {
    id,
    name,
    timeZone,
    nightStart,
    nightEnd,
    locale,
    caregivers,
    babies,
    createdAt,
    keepFormerNames,
    deletionRequestedAt: requestedAt,
    deletionRequestedById: requestedById,
    deletionDueAt: dueAt,
    ...thresholds
  } = row;
  return {
    household: { id, name, timeZone, nightStart, nightEnd, locale: isAnyLocale(locale) ? locale : DEFAULT_LOCALE },
    thresholds,
    members: caregivers.flatMap((c) =>
      c.removedAt === null && c.user
        ? [
            {
              caregiverId: c.id,
              userId: c.user.id,
              name: c.user.name,
              email: c.user.email,
              role: c.role,
              joinedAt: c.joinedAt,
            },
          ]
        : [],
    ),
    former: caregivers.flatMap((c) =>
      c.removedAt !== null
        ? [{ caregiverId: c.id, name: caregiverName(c), role: c.role, joinedAt: c.joinedAt, removedAt: c.removedAt }]
        : [],
    ),
    babies: babies.map((b) => ({ id: b.id, name: b.name, birthDate: fromDbDate(b.birthDate) })),
    keepFormerNames,
    firstNight: nightOf(createdAt, timeZone, nightStart, nightEnd),
    deletion: requestedAt && dueAt && requestedById ? { requestedAt, dueAt, requestedById } : null,
  };
}

type TEntry = { details: Promise<THouseholdDetails | null>; unsubscribe: () => void; stale: boolean };

/**
 * Household details across requests, per household, in this process: a small
 * LRU whose entries are dropped by the live channel's `household.changed`
 * events (every app instance LISTENs, so every instance drops its copy) and
 * by any gap in that channel (a lost LISTEN connection). Nothing is kept
 * unless the LISTEN is up, so no change can go unnoticed.
 */
export class HouseholdDetailsCache {
  private readonly entries = new Map<string, TEntry>();

  constructor(
    private readonly hub: Pick<LiveHub, "subscribe" | "ready">,
    private readonly read: (householdId: string) => Promise<THouseholdDetails | null> = readHouseholdDetails,
    private readonly max = 500,
  ) {}

  get(householdId: string): Promise<THouseholdDetails | null> {
    const hit = this.entries.get(householdId);
    if (hit && !hit.stale) {
      // Most recently used last, so the first key is the one to evict.
      this.entries.delete(householdId);
      this.entries.set(householdId, hit);
      return hit.details;
    }
    return this.fill(householdId);
  }

  /** Forgets one household (or all): the next read goes to the database. */
  drop(householdId?: string): void {
    for (const [id, entry] of this.entries) {
      if (householdId && id !== householdId) continue;
      entry.stale = true;
      entry.unsubscribe();
      this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private fill(householdId: string): Promise<THouseholdDetails | null> {
    this.drop(householdId);
    const entry: TEntry = { details: Promise.resolve(null), unsubscribe: () => {}, stale: false };
    const forget = () => {
      entry.stale = true;
      if (this.entries.get(householdId) === entry) this.drop(householdId);
    };
    // Listen first, then read: a change committed during the read marks the entry stale.
    entry.unsubscribe = this.hub.subscribe(householdId, {
      onEvent: (m) => {
        if (m.type === "household.changed") forget();
      },
      onGap: forget,
    });
    entry.details = this.hub.ready().then(
      () => this.read(householdId),
      // No live channel: answer from the database and keep nothing.
      () => {
        forget();
        return this.read(householdId);
      },
    );
    entry.details.then(
      (d) => {
        if (!d) forget();
      },
      () => forget(),
    );
    this.entries.set(householdId, entry);
    while (this.entries.size > this.max) this.drop(this.entries.keys().next().value);
    return entry.details;
  }
}

const globalForDetails = globalThis as unknown as { attuneHouseholdDetails?: HouseholdDetailsCache };

/**
 * Tests write households straight to the database (factories, no live events),
 * so under vitest every read goes to the database; the cache itself is tested
 * with its own instances (test/household-details-cache.test.ts).
 */
function acrossRequests(householdId: string): Promise<THouseholdDetails | null> {
  if (env().NODE_ENV === "test") return readHouseholdDetails(householdId);
  globalForDetails.attuneHouseholdDetails ??= new HouseholdDetailsCache(liveHub());
  return globalForDetails.attuneHouseholdDetails.get(householdId);
}

/**
 * This process's copy, dropped at once by the process that writes a change
 * (lib/live/publish.ts), so its own next render does not wait for the NOTIFY;
 * the NOTIFY after commit drops it again, here and on every other instance.
 */
export function dropHouseholdDetails(householdId: string): void {
  globalForDetails.attuneHouseholdDetails?.drop(householdId);
}

/** The household's details for this render (one read per request at most; none while cached). */
export const householdDetails = cache(acrossRequests);

/** For a caller whose membership is already checked: the household is there. */
export async function detailsOf(householdId: string): Promise<THouseholdDetails> {
  const d = await householdDetails(householdId);
  if (!d) throw new Error(`household ${householdId} has no details (deleted during the request?)`);
  return d;
}
