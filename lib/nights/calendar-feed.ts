import "server-only";
import { TZDate } from "@date-fns/tz";
import ical, { ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/auth/actor";
import { householdAction, householdQuery } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { isValidTimeZone } from "@/lib/time/zone";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken, sameHash } from "@/lib/tokens";
import { ZId } from "@/lib/validation";

// A caregiver's private calendar feed (ICS) to subscribe to from Google, Apple
// or Outlook. The URL's secret is the only credential: this is the one
// endpoint Attune serves without a session. Only its SHA-256 is stored, it is
// shown once, and regenerating or deleting it stops the old URL at once (the
// next request finds no row). The token is never logged.

/** Days of shifts the feed carries, around now. */
const FEED_DAYS_BACK = 60;
const FEED_DAYS_AHEAD = 180;

export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

// Form checkboxes send "on" or nothing; the UI's hidden fields send "true"/"false".
const ZFlag = z
  .union([z.boolean(), z.enum(["true", "on", "1", "false", "off", "0"])], { error: "Choose yes or no." })
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");

const ZHousehold = z.object({ householdId: ZId });

export type TCreatedCalendarFeed = { path: string; includePartner: boolean; createdAt: Date };

// Every member manages their own feed only (docs/decisions/0008): the caregiver
// is always the caller's own membership, never an id from the client.

/**
 * Makes the caller's own feed, or replaces its secret (the old URL stops at
 * once). The token exists only in this return value.
 */
export const createCalendarFeed = householdAction(
  z.object({
    householdId: ZId,
    /** Left out: a new feed starts with only your own nights; a regenerated one keeps its choice. */
    includePartner: ZFlag.optional(),
  }),
  {},
  async ({ me, data: { includePartner }, now }): Promise<TCreatedCalendarFeed> => {
    const token = newSecretToken();
    const tokenHash = hashSecretToken(token);
    const write = () =>
      db.calendarFeed.upsert({
        where: { caregiverId: me.caregiverId },
        create: {
          householdId: me.householdId,
          caregiverId: me.caregiverId,
          tokenHash,
          includePartner: includePartner ?? false,
          createdAt: now,
        },
        update: { tokenHash, createdAt: now, ...(includePartner === undefined ? {} : { includePartner }) },
        select: { includePartner: true, createdAt: true },
      });
    let feed;
    try {
      feed = await write();
    } catch (e) {
      // Two tabs creating at the same moment: the loser's insert hits the unique
      // caregiver_id; again as an update, the last one wins (and its link is the one shown).
      if (!isUniqueViolation(e)) throw e;
      feed = await write();
    }
    return { path: calendarFeedPath(token), includePartner: feed.includePartner, createdAt: feed.createdAt };
  },
);

/** Whether the caller's own feed also carries the other caregivers' nights. */
export const setFeedIncludesPartner = householdAction(
  z.object({ householdId: ZId, includePartner: ZFlag }),
  {},
  async ({ me, data: { includePartner } }): Promise<{ includePartner: boolean }> => {
    const res = await db.calendarFeed.updateMany({
      where: { caregiverId: me.caregiverId, householdId: me.householdId },
      data: { includePartner },
    });
    if (res.count === 0) throw notFound("Your calendar link");
    return { includePartner };
  },
);

/** Turns the caller's own feed off: its URL answers 404 from the next request on. Idempotent. */
export const deleteCalendarFeed = householdAction(ZHousehold, {}, async ({ me }): Promise<{ deleted: boolean }> => {
  const res = await db.calendarFeed.deleteMany({ where: { caregiverId: me.caregiverId, householdId: me.householdId } });
  return { deleted: res.count > 0 };
});

export type TCalendarFeedStatus = { exists: false } | { exists: true; includePartner: boolean; createdAt: Date };

/** What the settings page shows about the caller's feed. Never the token: it isn't stored. */
export const getCalendarFeedStatus = householdQuery(ZHousehold, {}, async ({ me }): Promise<TCalendarFeedStatus> => {
  const feed = await db.calendarFeed.findFirst({
    where: { caregiverId: me.caregiverId, householdId: me.householdId },
    select: { includePartner: true, createdAt: true },
  });
  return feed ? { exists: true, ...feed } : { exists: false };
});

/**
 * The ICS text for a feed token, or null when no feed has it (wrong,
 * malformed, regenerated or deleted: the caller answers 404 alike). No
 * session and no household context: the secret token is the credential, so
 * this is for the unauthenticated route app/api/calendar/[token] only.
 *
 * Why this is a constant-time comparison: the secret itself is never compared.
 * It is hashed first and the row is found by the hash through a unique index;
 * whatever timing that lookup leaks is about SHA-256(token), and learning a
 * stored hash, even all of it, gives no token that hashes to it (a preimage
 * of 256 bits). The found row's hash is then checked again with
 * crypto.timingSafeEqual, so no early-exit string comparison of our own
 * touches it either. Malformed tokens are refused before the lookup, which
 * reveals only the public shape of a token.
 */
export async function calendarFeedForToken(token: string, opts: { now: Date }): Promise<string | null> {
  if (!isWellFormedSecretToken(token)) return null;
  const tokenHash = hashSecretToken(token);
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash },
    select: {
      tokenHash: true,
      householdId: true,
      caregiverId: true,
      includePartner: true,
      household: { select: { timeZone: true } },
      caregiver: { select: { role: true, user: { select: { name: true } } } },
    },
  });
  if (!feed || !sameHash(feed.tokenHash, tokenHash)) return null;

  const { now } = opts;
  const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000);
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000);
  const shifts = await db.shift.findMany({
    where: {
      householdId: feed.householdId,
      ...(feed.includePartner ? {} : { caregiverId: feed.caregiverId }),
      endsAt: { gt: from },
      startsAt: { lt: to },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      caregiverId: true,
      startsAt: true,
      endsAt: true,
      version: true,
      reason: true,
      createdAt: true,
      updatedAt: true,
      caregiver: { select: { role: true, user: { select: { name: true } } } },
    },
  });

  return renderCalendarFeed({
    timeZone: feed.household.timeZone,
    owner: { caregiverId: feed.caregiverId, role: feed.caregiver.role },
    shifts: shifts.map((s) => ({ ...s, name: s.caregiver.user.name, role: s.caregiver.role })),
  });
}

export type TFeedShift = {
  id: string;
  caregiverId: string;
  name: string;
  role: TRole;
  startsAt: Date;
  endsAt: Date;
  version: number;
  reason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The VTIMEZONE block and its TZID for a household zone, or null to write UTC
 * instants instead. The block comes from timezones-ical-library (IANA tzdata
 * compiled to VTIMEZONE); its TZID is the canonical name, so an alias such as
 * US/Eastern is written as America/New_York, matching the block. UTC, and any
 * zone the library or this runtime does not know, are written as UTC instants,
 * which every client reads correctly.
 */
function vtimezoneFor(timeZone: string): { tzid: string; block: string } | null {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return null;
  const found = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(found) || !found[0]) return null;
  const tzid = /^TZID=(.+)$/.exec(found[1] ?? "")?.[1];
  if (!tzid || tzid === "Etc/UTC" || !isValidTimeZone(tzid)) return null;
  return { tzid, block: found[0] };
}

function summaryOf(shift: TFeedShift, owner: { caregiverId: string; role: TRole }): string {
  if (shift.caregiverId === owner.caregiverId) return `Night duty: ${shift.name}`;
  const who = shift.role === "helper" ? "helper" : owner.role === "parent" ? "partner" : "parent";
  return `${shift.name}'s night (${who})`;
}

/**
 * Pure: shifts to ICS. One VEVENT per shift with a stable UID and the shift's
 * version as SEQUENCE, so clients update an event in place when it changes;
 * a deleted shift is simply absent, and subscribed clients drop it. Start and
 * end are wall-clock times in the household zone (TZID plus its VTIMEZONE),
 * computed from the stored instants, so a 19:00–07:00 night across a DST
 * change stays 19:00–07:00 and lasts 11 or 13 hours, as the clock says.
 */
export function renderCalendarFeed(input: {
  timeZone: string;
  owner: { caregiverId: string; role: TRole };
  shifts: TFeedShift[];
}): string {
  const zone = vtimezoneFor(input.timeZone);
  const calendar = ical({
    name: "Attune nights",
    description: "Your nights on duty, from Attune.",
    prodId: { company: "Attune", product: "Nights", language: "EN" },
    // Hint to clients that honour it (Apple, Outlook); Google polls on its own schedule.
    ttl: 15 * 60,
    // `name: null` keeps DTSTAMP, CREATED and LAST-MODIFIED in UTC as RFC 5545
    // requires (a named calendar zone would write them as local times); the
    // generator still adds the VTIMEZONE for the events' TZID.
    timezone: zone ? { name: null, generator: (tz) => (tz === zone.tzid ? zone.block : null) } : null,
  });
  for (const s of input.shifts) {
    const mine = s.caregiverId === input.owner.caregiverId;
    calendar.createEvent({
      id: `${s.id}@attune`,
      sequence: s.version,
      // ical-generator reads a TZDate's wall clock in the event's zone; a
      // plain Date would be read in the server's own zone.
      start: zone ? new TZDate(s.startsAt.getTime(), input.timeZone) : s.startsAt,
      end: zone ? new TZDate(s.endsAt.getTime(), input.timeZone) : s.endsAt,
      timezone: zone?.tzid ?? null,
      summary: summaryOf(s, input.owner),
      description: s.reason ?? null,
      stamp: s.updatedAt,
      created: s.createdAt,
      lastModified: s.updatedAt,
      // Someone else's night doesn't make you busy.
      transparency: mine ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
