import "server-only";
import { createHash } from "node:crypto";
import ical, { ICalEventTransparency } from "ical-generator";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/auth/actor";
import { householdAction, householdQuery } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { reasonWithoutNames } from "@/lib/nights/rota";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken, sameHash } from "@/lib/tokens";
import { ZId } from "@/lib/validation";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg, resolveText } from "@/lib/i18n/text";
import { english } from "@/lib/i18n/english";
import { translatorFor } from "@/lib/i18n/translate";
import { DEFAULT_LOCALE, isAnyLocale, type TAnyLocale } from "@/lib/i18n/locales";

// A caregiver's private calendar feed (ICS) to subscribe to from Google, Apple
// or Outlook. The URL's secret is the only credential: this is the one
// endpoint Attune serves without a session. Only its SHA-256 is stored, it is
// shown once, and regenerating or deleting it stops the old URL at once (the
// next request finds no row). The token is never logged.

/**
 * Days of past shifts the feed carries. The past is bounded so a feed stays
 * small after years of nights (the app keeps the history); everything
 * planned ahead is carried, however far a rota was filled, because a night
 * missing from the calendar is the one someone forgets.
 */
export const FEED_DAYS_BACK = 60;

export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

// Form checkboxes send "on" or nothing; the UI's hidden fields send "true"/"false".
const ZFlag = z
  .union([z.boolean(), z.enum(["true", "on", "1", "false", "off", "0"])], {
    error: msg("nights.errors.chooseYesOrNo"),
  })
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
    if (res.count === 0) throw notFound(msg("errors.what.calendarLink"));
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

export type TCalendarFeedBody = {
  ics: string;
  /** A strong validator: the SHA-256 of `ics`, quoted. */
  etag: string;
  /** The newest change among what the feed shows (a shift's update, or the link's making), for Last-Modified. */
  lastModified: Date;
};

/**
 * The feed for a token, or null when no feed has it (wrong, malformed,
 * regenerated or deleted: the caller answers 404 alike). No session and no
 * household context: the secret token is the credential, so this is for the
 * unauthenticated route app/api/calendar/[token] only. Two statements: the
 * feed with its household's members (and the owner's language, which the
 * feed's words are in: no session tells it), then the shifts.
 *
 * Why this is a constant-time comparison: the secret itself is never compared.
 * It is hashed first and the row is found by the hash through a unique index;
 * whatever timing that lookup leaks is about SHA-256(token), and learning a
 * stored hash, even all of it, gives no token that hashes to it (a preimage
 * of 256 bits). The found row's hash is then checked again with
 * crypto.timingSafeEqual, so no early-exit string comparison of our own
 * touches it either. Malformed tokens are refused before the lookup, which
 * reveals only the public shape of a token.
 *
 * The ETag is a hash of the body rather than a version made from the rows
 * (max updated_at + count + settings): the body is rendered anyway to answer a
 * 200, it is a few kilobytes, and a hash changes with everything the body
 * shows (a rename, the partner switch, a shift sliding out of the window, a
 * deletion) without a second list of what the feed depends on to keep true.
 */
export async function calendarFeedForToken(token: string, opts: { now: Date }): Promise<TCalendarFeedBody | null> {
  if (!isWellFormedSecretToken(token)) return null;
  const tokenHash = hashSecretToken(token);
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash },
    select: {
      tokenHash: true,
      householdId: true,
      caregiverId: true,
      includePartner: true,
      createdAt: true,
      household: {
        select: {
          locale: true,
          caregivers: {
            select: {
              id: true,
              role: true,
              removedAt: true,
              ...CAREGIVER_NAME_SELECT,
              user: { select: { ...CAREGIVER_NAME_SELECT.user.select, locale: true } },
            },
          },
        },
      },
    },
  });
  if (!feed || !sameHash(feed.tokenHash, tokenHash)) return null;

  // Removed members too: the past shifts of someone who left still carry their name (docs/decisions/0030).
  const members = feed.household.caregivers.map((c) => ({ caregiverId: c.id, role: c.role, name: caregiverName(c) }));
  const owner = members.find((m) => m.caregiverId === feed.caregiverId);
  // Leaving deletes the feed; a removed owner is refused all the same.
  const ownerRow = feed.household.caregivers.find((c) => c.id === feed.caregiverId);
  if (!owner || ownerRow?.removedAt) return null;

  const from = new Date(opts.now.getTime() - FEED_DAYS_BACK * 86_400_000);
  const shifts = await db.shift.findMany({
    where: {
      householdId: feed.householdId,
      ...(feed.includePartner ? {} : { caregiverId: feed.caregiverId }),
      endsAt: { gt: from },
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
    },
  });

  // The owner's language: their choice, else their household's, else British English.
  const chosen = ownerRow?.user?.locale;
  const locale: TAnyLocale = isAnyLocale(chosen)
    ? chosen
    : isAnyLocale(feed.household.locale)
      ? feed.household.locale
      : DEFAULT_LOCALE;
  const t = await translatorFor(locale);

  const byId = new Map(members.map((m) => [m.caregiverId, m]));
  const ics = renderCalendarFeed({
    locale,
    translate: (s) => resolveText(t, s),
    owner,
    includePartner: feed.includePartner,
    members,
    shifts: shifts.map((s) => {
      const who = byId.get(s.caregiverId);
      return { ...s, name: who?.name ?? msg("nights.ics.someone"), role: who?.role ?? "parent" };
    }),
  });
  const lastModified = new Date(Math.max(feed.createdAt.getTime(), ...shifts.map((s) => s.updatedAt.getTime())));
  return { ics, etag: `"${createHash("sha256").update(ics).digest("base64url")}"`, lastModified };
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

export type TFeedMember = { caregiverId: string; role: TRole; name: string };

/** What another caregiver is to the feed's owner. */
function relationOf(role: TRole, owner: TFeedMember): "helper" | "partner" | "parent" {
  return role === "helper" ? "helper" : owner.role === "parent" ? "partner" : "parent";
}

/** How a reason without names calls them, by what they are to the owner (references). */
const UNNAMED = {
  partner: msg("nights.ics.unnamed.partner"),
  helper: msg("nights.ics.unnamed.helper"),
  parent: msg("nights.ics.unnamed.parent"),
} as const;

function summaryOf(shift: TFeedShift, owner: TFeedMember): string {
  if (shift.caregiverId === owner.caregiverId) return msg("nights.ics.mine", { name: shift.name });
  return msg("nights.ics.theirs", { name: shift.name, relation: relationOf(shift.role, owner) });
}

/**
 * Pure: shifts to ICS. One VEVENT per shift with a stable UID and the shift's
 * version as SEQUENCE, so clients update an event in place when it changes;
 * a deleted shift is simply absent, and subscribed clients drop it.
 *
 * Start and end are UTC instants (…Z, no TZID), exactly as stored. Local
 * times with a TZID can't say which of the two 01:30s of the autumn
 * clock change is meant: parsers read the second, so a handover at the
 * first 01:30 would land an hour late; and ical.js mis-expands zones on
 * clock-change nights. Clients show UTC instants in the viewer's own zone.
 *
 * The rota's reasons name who else was considered ("Alex was unavailable");
 * unless the owner chose to carry the others' nights, those names are
 * replaced by what the person is to the owner ("your partner").
 *
 * Every word is in the owner's language: `translate` resolves message
 * references (lib/i18n/text.ts) in it; British English when left out.
 */
export function renderCalendarFeed(input: {
  /** The owner's language (the calendar's LANGUAGE); default en-GB. */
  locale?: TAnyLocale;
  translate?: (s: string) => string;
  owner: TFeedMember;
  includePartner: boolean;
  members: readonly TFeedMember[];
  shifts: readonly TFeedShift[];
}): string {
  const { owner } = input;
  const tr = input.translate ?? english;
  const language = (input.locale ?? DEFAULT_LOCALE).slice(0, 2).toUpperCase();
  // A name the owner shares is in the feed already (their own events say it), so it isn't hidden.
  const unnamed = input.members
    .filter((m) => m.caregiverId !== owner.caregiverId && m.name !== owner.name)
    .map((m) => ({ name: m.name, as: UNNAMED[relationOf(m.role, owner)] }));
  const reasonOf = (reason: string | null) =>
    reason === null ? null : input.includePartner ? tr(reason) : reasonWithoutNames(reason, unnamed, tr);

  const calendar = ical({
    name: tr(msg("nights.ics.calendarName", { name: owner.name })),
    // No commas (in any language's message): ical-generator leaves X-WR-CALDESC unescaped, and some parsers would split it.
    description: tr(
      msg("nights.ics.description", { partner: input.includePartner ? "yes" : "no", days: String(FEED_DAYS_BACK) }),
    ),
    prodId: { company: "Attune", product: "Nights", language },
    // Hint to clients that honour it (Apple, Outlook); Google polls on its own schedule.
    ttl: 15 * 60,
  });
  for (const s of input.shifts) {
    const mine = s.caregiverId === owner.caregiverId;
    calendar.createEvent({
      id: `${s.id}@attune`,
      sequence: s.version,
      // No timezone anywhere: ical-generator writes a Date as a UTC instant.
      start: s.startsAt,
      end: s.endsAt,
      summary: tr(summaryOf(s, owner)),
      description: reasonOf(s.reason),
      stamp: s.updatedAt,
      created: s.createdAt,
      lastModified: s.updatedAt,
      // Someone else's night doesn't make you busy.
      transparency: mine ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last bare.
  return `${calendar.toString()}\r\n`;
}
