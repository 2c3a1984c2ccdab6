// The private calendar feed, read back by a real iCalendar parser (ical.js):
// the events are the shifts, at the right instants (a DST night included),
// with stable UIDs and SEQUENCE from the shift's version; the feed carries
// only its owner's household, and a replaced or deleted link stops at once.
import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  calendarFeedForToken,
  createCalendarFeed,
  deleteCalendarFeed,
  getCalendarFeedStatus,
  renderCalendarFeed,
  setFeedIncludesPartner,
} from "@/lib/nights/calendar-feed";
import { hashSecretToken } from "@/lib/tokens";
import { toDbDate } from "@/lib/time/local-date";
import { GET } from "@/app/api/calendar/[token]/route";
import { actorOf, caregiverIdOf, dumpTables, makeFamily, type TTestUser } from "../helpers/factories";

type TFamily = Awaited<ReturnType<typeof makeFamily>>;

// "Now" for every feed in this file: the window is 60 days back, 180 ahead.
const NOW = new Date("2026-10-20T12:00:00Z");

type TParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  start: Date;
  end: Date;
  tzid: string | null;
  localStart: string;
  transp: string;
};

/** Parses ICS text with ical.js, registering the feed's own VTIMEZONEs (ical.js has no zone data of its own). */
function parseFeed(ics: string): { name: string; events: TParsedEvent[]; tzids: string[] } {
  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vtimezones = cal.getAllSubcomponents("vtimezone");
  for (const vtz of vtimezones) ICAL.TimezoneService.register(vtz);
  const events = cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const s = e.startDate;
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      start: s.toJSDate(),
      end: e.endDate.toJSDate(),
      tzid: (v.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined) ?? null,
      localStart: `${String(s.hour).padStart(2, "0")}:${String(s.minute).padStart(2, "0")}`,
      transp: String(v.getFirstPropertyValue("transp")),
    };
  });
  return {
    name: String(cal.getFirstPropertyValue("x-wr-calname")),
    events,
    tzids: vtimezones.map((v) => String(v.getFirstPropertyValue("tzid"))),
  };
}

async function shift(family: TFamily, who: TTestUser, nightDate: string, startsAt: string, endsAt: string) {
  return getDb().shift.create({
    data: {
      householdId: family.householdId,
      caregiverId: await caregiverIdOf(who),
      nightDate: toDbDate(nightDate),
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      source: "manual",
    },
  });
}

const tokenOfPath = (path: string) => path.replace(/^\/api\/calendar\//, "").replace(/\.ics$/, "");

let a: TFamily;
let b: TFamily;
let ids: Record<string, string>;
beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  await getDb().household.update({ where: { id: a.householdId }, data: { timeZone: "Europe/London" } });
  ids = {
    // British Summer Time: 19:00 BST = 18:00Z.
    parent22: (await shift(a, a.parent, "2026-10-22", "2026-10-22T18:00:00Z", "2026-10-23T06:00:00Z")).id,
    partner23: (await shift(a, a.partner, "2026-10-23", "2026-10-23T18:00:00Z", "2026-10-24T06:00:00Z")).id,
    // The clocks go back at 02:00 BST on Sunday 25 October: 19:00 BST → 07:00 GMT is 13 hours.
    parentDst: (await shift(a, a.parent, "2026-10-24", "2026-10-24T18:00:00Z", "2026-10-25T07:00:00Z")).id,
    // A split night in GMT: 19:00–01:00 and 01:00–07:00.
    parentSplit: (await shift(a, a.parent, "2026-10-25", "2026-10-25T19:00:00Z", "2026-10-26T01:00:00Z")).id,
    partnerSplit: (await shift(a, a.partner, "2026-10-25", "2026-10-26T01:00:00Z", "2026-10-26T07:00:00Z")).id,
    helper27: (await shift(a, a.helper, "2026-10-27", "2026-10-27T19:00:00Z", "2026-10-28T07:00:00Z")).id,
    // Outside the window: more than 60 days back, more than 180 ahead.
    parentOld: (await shift(a, a.parent, "2026-08-01", "2026-08-01T18:00:00Z", "2026-08-02T06:00:00Z")).id,
    parentFar: (await shift(a, a.parent, "2027-05-01", "2027-05-01T18:00:00Z", "2027-05-02T06:00:00Z")).id,
    // Household B, at the very same times.
    otherHousehold: (await shift(b, b.parent, "2026-10-24", "2026-10-24T18:00:00Z", "2026-10-25T07:00:00Z")).id,
  };
});

async function feedFor(user: TTestUser, family: TFamily, includePartner = false) {
  const created = await createCalendarFeed(await actorOf(user), { householdId: family.householdId, includePartner });
  return { ...created, token: tokenOfPath(created.path) };
}

async function parsed(token: string) {
  const ics = await calendarFeedForToken(token, { now: NOW });
  expect(ics, "the feed should exist").not.toBeNull();
  return parseFeed(ics!);
}

describe("calendar feed contents", () => {
  it("has one event per own shift in the window, at the stored instants, in the household's zone", async () => {
    const { token, path } = await feedFor(a.parent, a);
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await parsed(token);
    expect(feed.name).toBe("Attune nights");
    expect(feed.tzids).toEqual(["Europe/London"]);

    const rows = await getDb().shift.findMany({
      where: { id: { in: [ids.parent22!, ids.parentDst!, ids.parentSplit!] } },
      orderBy: { startsAt: "asc" },
    });
    expect(feed.events.map((e) => e.uid)).toEqual(rows.map((r) => `${r.id}@attune`));
    for (const [i, row] of rows.entries()) {
      const e = feed.events[i]!;
      expect(e.start.toISOString()).toBe(row.startsAt.toISOString());
      expect(e.end.toISOString()).toBe(row.endsAt.toISOString());
      expect(e.sequence).toBe(row.version);
      expect(e.summary).toBe("Night duty: ParentA");
      expect(e.tzid).toBe("Europe/London");
      expect(e.transp).toBe("OPAQUE");
    }
  });

  it("keeps the DST night at 19:00 → 07:00 local, 13 hours long", async () => {
    const { token } = await feedFor(a.parent, a);
    const e = (await parsed(token)).events.find((x) => x.uid === `${ids.parentDst}@attune`)!;
    expect(e.localStart).toBe("19:00");
    expect(e.start.toISOString()).toBe("2026-10-24T18:00:00.000Z");
    expect(e.end.toISOString()).toBe("2026-10-25T07:00:00.000Z");
    expect(e.end.getTime() - e.start.getTime()).toBe(13 * 3_600_000);
    const ics = (await calendarFeedForToken(token, { now: NOW }))!;
    expect(ics).toContain("DTSTART;TZID=Europe/London:20261024T190000");
    expect(ics).toContain("DTEND;TZID=Europe/London:20261025T070000");
  });

  it("writes DTSTAMP and LAST-MODIFIED from the shift's updatedAt, in UTC", async () => {
    const { token } = await feedFor(a.parent, a);
    const ics = (await calendarFeedForToken(token, { now: NOW }))!;
    const row = await getDb().shift.findUniqueOrThrow({ where: { id: ids.parentDst! } });
    const utc = row.updatedAt
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const block = ics.split("BEGIN:VEVENT").find((v) => v.includes(`UID:${row.id}@attune`))!;
    expect(block).toContain(`DTSTAMP:${utc}`);
    expect(block).toContain(`LAST-MODIFIED:${utc}`);
  });

  it("carries the other caregivers' nights only when includePartner is on", async () => {
    const { token } = await feedFor(a.parent, a);
    const own = await parsed(token);
    expect(own.events.map((e) => e.uid)).not.toContain(`${ids.partner23}@attune`);

    await setFeedIncludesPartner(await actorOf(a.parent), { householdId: a.householdId, includePartner: "true" });
    const all = await parsed(token);
    const uids = all.events.map((e) => e.uid);
    for (const k of ["parent22", "partner23", "parentDst", "parentSplit", "partnerSplit", "helper27"])
      expect(uids).toContain(`${ids[k]}@attune`);
    expect(all.events).toHaveLength(6);
    const partner = all.events.find((e) => e.uid === `${ids.partner23}@attune`)!;
    expect(partner.summary).toBe("PartnerA's night (partner)");
    expect(partner.transp).toBe("TRANSPARENT");
    expect(all.events.find((e) => e.uid === `${ids.helper27}@attune`)!.summary).toBe("HelperA's night (helper)");
    const split = all.events.find((e) => e.uid === `${ids.partnerSplit}@attune`)!;
    expect([split.start.toISOString(), split.end.toISOString(), split.localStart]).toEqual([
      "2026-10-26T01:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
      "01:00",
    ]);

    await setFeedIncludesPartner(await actorOf(a.parent), { householdId: a.householdId, includePartner: "false" });
    expect((await parsed(token)).events).toHaveLength(3);
  });

  it("never shows another household's shifts", async () => {
    const { token } = await feedFor(a.parent, a, true);
    const ics = (await calendarFeedForToken(token, { now: NOW }))!;
    expect(ics).not.toContain(ids.otherHousehold);
    expect(ics).not.toContain("ParentB");
    const { token: tokenB } = await feedFor(b.parent, b, true);
    const feedB = await parsed(tokenB);
    expect(feedB.events.map((e) => e.uid)).toEqual([`${ids.otherHousehold}@attune`]);
    // Household B is still in Berlin: same instant, its own zone.
    expect(feedB.tzids).toEqual(["Europe/Berlin"]);
    expect(feedB.events[0]!.localStart).toBe("20:00");
    expect(feedB.events[0]!.start.toISOString()).toBe("2026-10-24T18:00:00.000Z");
  });

  it("shows a changed shift with a higher SEQUENCE and the new times, under the same UID", async () => {
    const { token } = await feedFor(a.parent, a);
    const before = (await parsed(token)).events.find((e) => e.uid === `${ids.parent22}@attune`)!;
    await getDb().shift.update({
      where: { id: ids.parent22! },
      data: { endsAt: new Date("2026-10-23T05:00:00Z"), version: { increment: 1 } },
    });
    const after = (await parsed(token)).events.find((e) => e.uid === `${ids.parent22}@attune`)!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.end.toISOString()).toBe("2026-10-23T05:00:00.000Z");
  });

  it("drops a deleted shift from the feed", async () => {
    const { token } = await feedFor(a.parent, a);
    await getDb().shift.delete({ where: { id: ids.parentDst! } });
    const uids = (await parsed(token)).events.map((e) => e.uid);
    expect(uids).toHaveLength(2);
    expect(uids).not.toContain(`${ids.parentDst}@attune`);
  });

  it("writes UTC instants for a household in UTC", async () => {
    await getDb().household.update({ where: { id: a.householdId }, data: { timeZone: "UTC" } });
    const { token } = await feedFor(a.parent, a);
    const ics = (await calendarFeedForToken(token, { now: NOW }))!;
    expect(ics).not.toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain("DTSTART:20261024T180000Z");
    const e = parseFeed(ics).events.find((x) => x.uid === `${ids.parentDst}@attune`)!;
    expect(e.end.toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("renders the right wall clock whatever the server's own zone (pure renderer)", () => {
    const base = {
      id: "s1",
      caregiverId: "c1",
      name: "Sam",
      role: "parent" as const,
      version: 2,
      reason: "Alex had carried 3 more nights",
      createdAt: NOW,
      updatedAt: NOW,
    };
    const ics = renderCalendarFeed({
      timeZone: "Australia/Lord_Howe",
      owner: { caregiverId: "c1", role: "parent" },
      // Lord Howe moves 30 minutes on Sunday 4 October 2026: 02:00 +10:30 → 02:30 +11.
      shifts: [{ ...base, startsAt: new Date("2026-10-03T08:30:00Z"), endsAt: new Date("2026-10-03T20:00:00Z") }],
    });
    expect(ics).toContain("DTSTART;TZID=Australia/Lord_Howe:20261003T190000");
    expect(ics).toContain("DTEND;TZID=Australia/Lord_Howe:20261004T070000");
    const [e] = parseFeed(ics).events;
    expect(e!.end.getTime() - e!.start.getTime()).toBe(11.5 * 3_600_000);
    expect(e!.sequence).toBe(2);
    expect(ics).toContain("DESCRIPTION:Alex had carried 3 more nights");
  });
});

describe("calendar feed link", () => {
  it("stores only the token's hash, and status never carries it", async () => {
    const { token } = await feedFor(a.parent, a);
    const row = await getDb().calendarFeed.findUniqueOrThrow({ where: { caregiverId: await caregiverIdOf(a.parent) } });
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(await dumpTables())).not.toContain(token);
    const status = await getCalendarFeedStatus(await actorOf(a.parent), { householdId: a.householdId });
    expect(status).toEqual({ exists: true, includePartner: false, createdAt: row.createdAt });
    expect(await getCalendarFeedStatus(await actorOf(a.partner), { householdId: a.householdId })).toEqual({
      exists: false,
    });
  });

  it("regenerating stops the old link at once; the new one works and keeps its choice", async () => {
    const first = await feedFor(a.parent, a, true);
    const second = await createCalendarFeed(await actorOf(a.parent), { householdId: a.householdId });
    expect(second.includePartner).toBe(true);
    expect(await calendarFeedForToken(first.token, { now: NOW })).toBeNull();
    expect((await parsed(tokenOfPath(second.path))).events).toHaveLength(6);
    expect(await getDb().calendarFeed.count({ where: { householdId: a.householdId } })).toBe(1);

    const call = (t: string) =>
      GET(new Request(`http://localhost/api/calendar/${t}.ics`), { params: Promise.resolve({ token: `${t}.ics` }) });
    expect((await call(first.token)).status).toBe(404);
    expect((await call(tokenOfPath(second.path))).status).toBe(200);
  });

  it("turning it off stops the link at once, and is harmless twice", async () => {
    const { token } = await feedFor(a.parent, a);
    expect(await deleteCalendarFeed(await actorOf(a.parent), { householdId: a.householdId })).toEqual({
      deleted: true,
    });
    expect(await calendarFeedForToken(token, { now: NOW })).toBeNull();
    expect(await deleteCalendarFeed(await actorOf(a.parent), { householdId: a.householdId })).toEqual({
      deleted: false,
    });
    expect(await getCalendarFeedStatus(await actorOf(a.parent), { householdId: a.householdId })).toEqual({
      exists: false,
    });
  });

  it("each caregiver has their own link; one turning theirs off leaves the other's", async () => {
    const mine = await feedFor(a.parent, a);
    const theirs = await feedFor(a.partner, a);
    await deleteCalendarFeed(await actorOf(a.partner), { householdId: a.householdId });
    expect(await calendarFeedForToken(theirs.token, { now: NOW })).toBeNull();
    expect(await calendarFeedForToken(mine.token, { now: NOW })).not.toBeNull();
  });

  it("a helper may have a feed of their own", async () => {
    const { token } = await feedFor(a.helper, a);
    const feed = await parsed(token);
    expect(feed.events.map((e) => [e.uid, e.summary])).toEqual([[`${ids.helper27}@attune`, "Night duty: HelperA"]]);
  });

  it("answers null for tokens that aren't ours, without a 500", async () => {
    await feedFor(a.parent, a);
    for (const t of [
      "",
      "x",
      "a".repeat(43),
      "a".repeat(44),
      "../../etc/passwd",
      "%00",
      "'; DROP TABLE shifts; --",
      "é".repeat(43),
    ]) {
      expect(await calendarFeedForToken(t, { now: NOW })).toBeNull();
    }
  });

  it("refuses to change a feed that doesn't exist, and bad flags, with clear messages", async () => {
    const err = await setFeedIncludesPartner(await actorOf(a.parent), {
      householdId: a.householdId,
      includePartner: "true",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "not_found" });
    await feedFor(a.parent, a);
    const bad = await setFeedIncludesPartner(await actorOf(a.parent), {
      householdId: a.householdId,
      includePartner: "maybe",
    }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "invalid", fieldErrors: { includePartner: [expect.any(String)] } });
  });

  it("two creates at the same moment leave one feed, whose hash is one of the two links", async () => {
    const actor = await actorOf(a.parent);
    const results = await Promise.all([1, 2].map(() => createCalendarFeed(actor, { householdId: a.householdId })));
    const rows = await getDb().calendarFeed.findMany({ where: { householdId: a.householdId } });
    expect(rows).toHaveLength(1);
    expect(results.map((r) => hashSecretToken(tokenOfPath(r.path)))).toContain(rows[0]!.tokenHash);
  });
});
