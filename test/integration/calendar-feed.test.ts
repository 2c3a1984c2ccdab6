// The private calendar feed, read back by a real iCalendar parser (ical.js):
// the events are the shifts, at the right instants in UTC (both clock-change
// nights included), with stable UIDs and SEQUENCE from the shift's version;
// the feed carries only its owner's household, names the partner only when
// their nights are carried, answers 304 while nothing changed, and a
// replaced or deleted link stops at once.
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
import { instantAt } from "@/lib/time/local-time";
import { GET } from "@/app/api/calendar/[token]/route";
import { countQueries } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, dumpTables, makeFamily, type TTestUser } from "../helpers/factories";

type TFamily = Awaited<ReturnType<typeof makeFamily>>;

// "Now" for every feed in this file: the window is 60 days back and everything ahead.
const NOW = new Date("2026-10-20T12:00:00Z");

type TParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  start: Date;
  end: Date;
  tzid: string | null;
  description: string | null;
  transp: string;
};

/** Parses ICS text with ical.js (with no zone data registered: the feed's instants are UTC and need none). */
function parseFeed(ics: string): { name: string; events: TParsedEvent[]; tzids: string[] } {
  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vtimezones = cal.getAllSubcomponents("vtimezone");
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
      description: (v.getFirstPropertyValue("description") as string | null) ?? null,
      transp: String(v.getFirstPropertyValue("transp")),
    };
  });
  return {
    name: String(cal.getFirstPropertyValue("x-wr-calname")),
    events,
    tzids: vtimezones.map((v) => String(v.getFirstPropertyValue("tzid"))),
  };
}

async function shift(
  family: TFamily,
  who: TTestUser,
  nightDate: string,
  startsAt: string | Date,
  endsAt: string | Date,
  reason: string | null = null,
) {
  return getDb().shift.create({
    data: {
      householdId: family.householdId,
      caregiverId: await caregiverIdOf(who),
      nightDate: toDbDate(nightDate),
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      source: reason === null ? "manual" : "rota",
      reason,
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
    // More than 60 days back: outside the window.
    parentOld: (await shift(a, a.parent, "2026-08-01", "2026-08-01T18:00:00Z", "2026-08-02T06:00:00Z")).id,
    // Planned far ahead (a rota filled for the year): inside, as everything ahead is.
    parentFar: (await shift(a, a.parent, "2027-05-01", "2027-05-01T18:00:00Z", "2027-05-02T06:00:00Z")).id,
    // Household B, at the very same times.
    otherHousehold: (await shift(b, b.parent, "2026-10-24", "2026-10-24T18:00:00Z", "2026-10-25T07:00:00Z")).id,
  };
});

async function feedFor(user: TTestUser, family: TFamily, includePartner = false) {
  const created = await createCalendarFeed(await actorOf(user), { householdId: family.householdId, includePartner });
  return { ...created, token: tokenOfPath(created.path) };
}

async function icsOf(token: string): Promise<string> {
  const feed = await calendarFeedForToken(token, { now: NOW });
  expect(feed, "the feed should exist").not.toBeNull();
  return feed!.ics;
}

async function parsed(token: string) {
  return parseFeed(await icsOf(token));
}

const call = (t: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/calendar/${t}.ics`, { headers }), {
    params: Promise.resolve({ token: `${t}.ics` }),
  });

describe("calendar feed contents", () => {
  it("has one event per own shift from 60 days back on, at the stored instants, in UTC", async () => {
    const { token, path } = await feedFor(a.parent, a);
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await parsed(token);
    expect(feed.name).toBe("ParentA's nights — Attune");
    expect(feed.tzids).toEqual([]);

    const rows = await getDb().shift.findMany({
      where: { id: { in: [ids.parent22!, ids.parentDst!, ids.parentSplit!, ids.parentFar!] } },
      orderBy: { startsAt: "asc" },
    });
    expect(feed.events.map((e) => e.uid)).toEqual(rows.map((r) => `${r.id}@attune`));
    for (const [i, row] of rows.entries()) {
      const e = feed.events[i]!;
      expect(e.start.toISOString()).toBe(row.startsAt.toISOString());
      expect(e.end.toISOString()).toBe(row.endsAt.toISOString());
      expect(e.sequence).toBe(row.version);
      expect(e.summary).toBe("Night duty: ParentA");
      expect(e.tzid).toBeNull();
      expect(e.transp).toBe("OPAQUE");
    }
  });

  it("keeps the autumn night 13 hours long, in UTC with no TZID", async () => {
    const { token } = await feedFor(a.parent, a);
    const e = (await parsed(token)).events.find((x) => x.uid === `${ids.parentDst}@attune`)!;
    expect(e.start.toISOString()).toBe("2026-10-24T18:00:00.000Z");
    expect(e.end.toISOString()).toBe("2026-10-25T07:00:00.000Z");
    expect(e.end.getTime() - e.start.getTime()).toBe(13 * 3_600_000);
    const ics = await icsOf(token);
    expect(ics).toContain("DTSTART:20261024T180000Z");
    expect(ics).toContain("DTEND:20261025T070000Z");
    expect(ics).not.toContain("TZID");
  });

  it("hands over at the first 01:30 of the autumn night, and at the moved 01:30 of the spring one", async () => {
    await getDb().shift.deleteMany({ where: { householdId: a.householdId } });
    // The rota's rule (lib/time/local-time.ts): a repeated time is its first occurrence, a skipped one moves on.
    const autumn = instantAt("2026-10-25", 90, "Europe/London");
    const spring = instantAt("2026-03-29", 90, "Europe/London");
    expect([autumn.toISOString(), spring.toISOString()]).toEqual([
      "2026-10-25T00:30:00.000Z", // 01:30 BST, not the second 01:30 (GMT) an hour later
      "2026-03-29T01:30:00.000Z", // 01:30 GMT doesn't exist: 02:30 BST
    ]);
    const first = await shift(a, a.parent, "2026-10-24", "2026-10-24T18:00:00Z", autumn);
    const second = await shift(a, a.partner, "2026-10-24", autumn, "2026-10-25T07:00:00Z");
    const springShift = await shift(a, a.parent, "2026-03-28", "2026-03-28T19:00:00Z", spring);
    const { token } = await feedFor(a.parent, a, true);
    const ics = (await calendarFeedForToken(token, { now: new Date("2026-03-20T12:00:00Z") }))!.ics;
    expect(ics).toContain("DTEND:20261025T003000Z");
    expect(ics).toContain("DTSTART:20261025T003000Z");
    expect(ics).toContain("DTEND:20260329T013000Z");
    const events = parseFeed(ics).events;
    const byId = (id: string) => events.find((e) => e.uid === `${id}@attune`)!;
    expect(byId(first.id).end.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(byId(second.id).start.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(byId(springShift.id).end.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("writes DTSTAMP and LAST-MODIFIED from the shift's updatedAt, in UTC", async () => {
    const { token } = await feedFor(a.parent, a);
    const ics = await icsOf(token);
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
    expect(all.events).toHaveLength(7);
    const partner = all.events.find((e) => e.uid === `${ids.partner23}@attune`)!;
    expect(partner.summary).toBe("PartnerA's night (partner)");
    expect(partner.transp).toBe("TRANSPARENT");
    expect(all.events.find((e) => e.uid === `${ids.helper27}@attune`)!.summary).toBe("HelperA's night (helper)");
    const split = all.events.find((e) => e.uid === `${ids.partnerSplit}@attune`)!;
    expect([split.start.toISOString(), split.end.toISOString()]).toEqual([
      "2026-10-26T01:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
    ]);

    await setFeedIncludesPartner(await actorOf(a.parent), { householdId: a.householdId, includePartner: "false" });
    expect((await parsed(token)).events).toHaveLength(4);
  });

  it("never shows another household's shifts", async () => {
    const { token } = await feedFor(a.parent, a, true);
    const ics = await icsOf(token);
    expect(ics).not.toContain(ids.otherHousehold);
    expect(ics).not.toContain("ParentB");
    const { token: tokenB } = await feedFor(b.parent, b, true);
    const feedB = await parsed(tokenB);
    expect(feedB.events.map((e) => e.uid)).toEqual([`${ids.otherHousehold}@attune`]);
    expect(feedB.name).toBe("ParentB's nights — Attune");
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
    expect(uids).toHaveLength(3);
    expect(uids).not.toContain(`${ids.parentDst}@attune`);
  });

  it("writes the same UTC instants whatever the household's zone", async () => {
    const before = await icsOf((await feedFor(a.parent, a)).token);
    await getDb().household.update({ where: { id: a.householdId }, data: { timeZone: "UTC" } });
    expect(await icsOf((await feedFor(a.parent, a)).token)).toBe(before);
  });

  it("ends every line with CRLF, the last one too, and says how far back it goes", async () => {
    const ics = await icsOf((await feedFor(a.parent, a)).token);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("X-WR-CALNAME:ParentA's nights — Attune");
    expect(ics).toContain("NAME:ParentA's nights — Attune");
    expect(ics.replace(/\r\n /g, "")).toContain(
      "X-WR-CALDESC:Your nights on duty from Attune: the last 60 days and everything planned ahead.",
    );
  });

  it("speaks its owner's language, read in the same two statements", async () => {
    await getDb().user.update({ where: { id: a.parent.id }, data: { locale: "de" } });
    try {
      const { token } = await feedFor(a.parent, a, true);
      const { result, queries } = await countQueries(() => calendarFeedForToken(token, { now: NOW }));
      expect(queries).toBe(2);
      const ics = result!.ics;
      expect(ics).toContain("X-WR-CALNAME:Nächte von ParentA — Attune");
      expect(ics).toContain("SUMMARY:Nachtdienst: ParentA");
      expect(ics).toContain("SUMMARY:Nacht von PartnerA (Partner:in)");
      expect(ics).toContain("PRODID:-//Attune//Nights//DE");
    } finally {
      await getDb().user.update({ where: { id: a.parent.id }, data: { locale: null } });
    }
  });

  it("reads in two statements however many shifts it carries", async () => {
    const { token } = await feedFor(a.parent, a, true);
    const { result, queries } = await countQueries(() => calendarFeedForToken(token, { now: NOW }));
    expect(parseFeed(result!.ics).events).toHaveLength(7);
    expect(queries).toBe(2);
  });
});

describe("calendar feed reasons", () => {
  let reasoned: string;
  beforeEach(async () => {
    await getDb().shift.deleteMany({ where: { householdId: a.householdId } });
    reasoned = (
      await shift(
        a,
        a.parent,
        "2026-11-02",
        "2026-11-02T19:00:00Z",
        "2026-11-03T07:00:00Z",
        "PartnerA was unavailable; it would have been HelperA's 3rd night in a row",
      )
    ).id;
  });

  it("words the rota's reasons without the others' names when their nights aren't carried", async () => {
    const { token } = await feedFor(a.parent, a);
    const e = (await parsed(token)).events.find((x) => x.uid === `${reasoned}@attune`)!;
    expect(e.description).toBe("Your partner was unavailable; it would have been the helper's 3rd night in a row");
    const ics = await icsOf(token);
    expect(ics).not.toContain("PartnerA");
    expect(ics).not.toContain("HelperA");
  });

  it("keeps the names when the owner carries the others' nights", async () => {
    const { token } = await feedFor(a.parent, a, true);
    const e = (await parsed(token)).events.find((x) => x.uid === `${reasoned}@attune`)!;
    expect(e.description).toBe("PartnerA was unavailable; it would have been HelperA's 3rd night in a row");
  });

  it("names the parents as 'a parent' in a helper's own feed", () => {
    const members = [
      { caregiverId: "p", role: "parent" as const, name: "Sam" },
      { caregiverId: "q", role: "parent" as const, name: "Alex" },
      { caregiverId: "h", role: "helper" as const, name: "Gran" },
    ];
    const ics = renderCalendarFeed({
      owner: members[2]!,
      includePartner: false,
      members,
      shifts: [
        {
          id: "s1",
          caregiverId: "h",
          name: "Gran",
          role: "helper",
          startsAt: NOW,
          endsAt: new Date(NOW.getTime() + 3_600_000),
          version: 0,
          reason: "Alex usually takes Fridays but was unavailable; Sam had carried 2 more nights",
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
    });
    expect(parseFeed(ics).events[0]!.description).toBe(
      "A parent usually takes Fridays but was unavailable; a parent had carried 2 more nights",
    );
  });
});

describe("calendar feed polling", () => {
  it("answers 200, then 304 with no body while nothing changed, then 200 with a new ETag after a change", async () => {
    const { token } = await feedFor(a.parent, a);
    const first = await call(token);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    // The newest of the shown shifts (parentFar, written last) and the link itself, which may be a second younger.
    const row = await getDb().shift.findUniqueOrThrow({ where: { id: ids.parentFar! } });
    const feedRow = await getDb().calendarFeed.findUniqueOrThrow({
      where: { caregiverId: await caregiverIdOf(a.parent) },
    });
    expect(lastModified).toBe(new Date(Math.max(row.updatedAt.getTime(), feedRow.createdAt.getTime())).toUTCString());
    await first.text();

    const again = await call(token, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("private, max-age=300");
    expect((await call(token, { "If-None-Match": `"other", W/${etag}` })).status).toBe(304);
    expect((await call(token, { "If-Modified-Since": lastModified })).status).toBe(304);

    await new Promise((r) => setTimeout(r, 1_100)); // Last-Modified counts whole seconds
    await getDb().shift.update({
      where: { id: ids.parent22! },
      data: { endsAt: new Date("2026-10-23T05:00:00Z"), version: { increment: 1 } },
    });
    const changed = await call(token, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("DTEND:20261023T050000Z");
    expect((await call(token, { "If-Modified-Since": lastModified })).status).toBe(200);
  });

  it("sees a removal and the partner switch through the ETag", async () => {
    const { token } = await feedFor(a.parent, a);
    const etag = (await call(token)).headers.get("etag")!;
    await setFeedIncludesPartner(await actorOf(a.parent), { householdId: a.householdId, includePartner: "true" });
    const switched = await call(token, { "If-None-Match": etag });
    expect(switched.status).toBe(200);
    const etag2 = switched.headers.get("etag")!;
    await getDb().shift.delete({ where: { id: ids.helper27! } });
    expect((await call(token, { "If-None-Match": etag2 })).status).toBe(200);
  });

  it("a revoked link answers 404, not 304, whatever validators it sends", async () => {
    const { token } = await feedFor(a.parent, a);
    const res = await call(token);
    const headers = {
      "If-None-Match": res.headers.get("etag")!,
      "If-Modified-Since": res.headers.get("last-modified")!,
    };
    await deleteCalendarFeed(await actorOf(a.parent), { householdId: a.householdId });
    expect((await call(token, headers)).status).toBe(404);
    expect((await call(token, { "If-None-Match": "*" })).status).toBe(404);
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
    expect((await parsed(tokenOfPath(second.path))).events).toHaveLength(7);
    expect(await getDb().calendarFeed.count({ where: { householdId: a.householdId } })).toBe(1);

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
