// What "Download our data" holds: every exported table's rows match the
// database (counts and ids, across batch boundaries), nothing of another
// household, no partner's private check-in, no secret; scope=mine is only the
// caller's own; the CSVs read back with csv-parse, formulas defused; hostile
// query values get a clear 400.
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import { getDb, queryListeners } from "@/lib/db";
import { isoInZone } from "@/lib/time/local-time";
import { seedDemo } from "@/prisma/seed";
import {
  caregiverIdOf,
  makeBaby,
  makeFamily,
  makeNote,
  makePlanItem,
  makeShift,
  makeWaking,
  signInAs,
  type TTestUser,
} from "../helpers/factories";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TRow = Record<string, unknown> & { id: string };
type TExport = Record<string, unknown> & { schemaVersion: number; exportedAt: string };

const HOSTILE_BODY = '=HYPERLINK("http://evil.example","click"), said "Sam"\nsecond line, with a comma';
const SECRETS = {
  p256dh: "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U",
  auth: "tBHItJI5svbpez7KI4CCXg",
  token: "f".repeat(64),
};

let a: TFamily;
let b: TFamily;
let cg: { parent: string; partner: string; helper: string };
let secretRows: { feedHash: string; inviteHash: string };
let checkIns: { partnerPrivate: string; partnerShared: string; parentPrivate: string };

/** Everything a household can hold, a little of each (and more than one batch of wakings and notes). */
async function fill(f: TFamily, big: boolean) {
  const db = getDb();
  const hid = f.householdId;
  const [parent, partner, helper] = await Promise.all([f.parent, f.partner, f.helper].map(caregiverIdOf));
  const baby = await makeBaby(hid, { name: "Robin" });
  const shift = await makeShift(hid, parent!, { night: "2026-11-01", reason: "Alex had carried 3 more nights" });
  await makeShift(hid, helper!, { night: "2026-11-02" });
  const later = await makeShift(hid, partner!, { night: "2026-11-03", source: "manual" });
  await db.swap.create({
    data: {
      householdId: hid,
      shiftId: later.id,
      shiftVersion: 0,
      fromId: partner!,
      toId: parent!,
      startsAt: later.startsAt,
      endsAt: later.endsAt,
      nightDate: later.nightDate,
      requestedById: partner!,
      message: "Early meeting",
    },
  });
  await db.nightEvent.create({
    data: { householdId: hid, nightDate: later.nightDate, actorId: f.parent.id, kind: "shift_split", summary: "split" },
  });
  await db.unavailability.create({
    data: {
      householdId: hid,
      caregiverId: helper!,
      startsAt: new Date("2026-11-10T00:00:00Z"),
      endsAt: new Date("2026-11-11T00:00:00Z"),
      createdById: f.helper.id,
    },
  });
  await makeWaking(hid, parent!, { night: "2026-11-01", at: "02:30", cryingFor: 3, helped: ["rock", "hold"] });
  await makeWaking(hid, helper!, { night: "2026-11-02", note: "-1 ml left, +2 later" });
  await db.tapOut.create({ data: { householdId: hid, nightDate: shift.nightDate, requesterId: parent! } });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const [pp, ps, mine] = await Promise.all([
    db.checkIn.create({ data: { householdId: hid, caregiverId: partner!, date: day("2026-11-02"), sleepiness: 7 } }),
    db.checkIn.create({
      data: { householdId: hid, caregiverId: partner!, date: day("2026-11-03"), sleepiness: 5, shared: true },
    }),
    db.checkIn.create({ data: { householdId: hid, caregiverId: parent!, date: day("2026-11-02"), sleepiness: 4 } }),
  ]);
  const item = await makePlanItem(hid, { date: "2026-11-02", assigneeId: partner!, activity: "@cmd|calc" });
  await db.checkOff.create({
    data: { householdId: hid, planItemId: item.id, date: day("2026-11-02"), byId: partner!, note: "+lovely" },
  });
  await db.planSuggestion.create({
    data: { householdId: hid, date: day("2026-11-02"), kind: "repair", decision: "accepted", byId: partner! },
  });
  await makeNote(hid, parent!, { body: HOSTILE_BODY });
  await makeNote(hid, partner!, { kind: "handoff", night: "2026-11-01", shiftId: shift.id, pinned: true });
  await makeNote(hid, null, { body: "from someone who left" });
  await db.appreciation.create({
    data: { householdId: hid, fromId: partner!, toId: parent!, nightDate: day("2026-11-01") },
  });
  // Secrets the household holds, which no export may carry.
  await db.pushSubscription.create({
    data: {
      householdId: hid,
      caregiverId: parent!,
      endpoint: `https://push.example/${hid}`,
      p256dh: SECRETS.p256dh,
      auth: SECRETS.auth,
    },
  });
  const feed = await db.calendarFeed.create({
    data: { householdId: hid, caregiverId: parent!, tokenHash: `${hid}-feed` },
  });
  const invite = await db.invite.findFirstOrThrow({ where: { householdId: hid }, select: { tokenHash: true } });
  if (big) {
    // Exactly two batches of wakings (the last read comes back empty) and more than two of notes.
    const start = Date.UTC(2024, 0, 1, 2);
    await db.waking.createMany({
      data: Array.from({ length: 998 }, (_, i) => ({
        householdId: hid,
        babyId: baby.id,
        responderId: i % 2 ? parent! : partner!,
        nightDate: new Date(start - 3 * 3600_000 + i * 86_400_000),
        startedAt: new Date(start + i * 86_400_000),
        endedAt: new Date(start + i * 86_400_000 + 600_000),
      })),
    });
    await db.note.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        householdId: hid,
        authorId: i % 3 ? parent! : partner!,
        body: `note ${i}`,
        createdAt: new Date(start + i * 3600_000),
      })),
    });
  }
  return {
    cg: { parent: parent!, partner: partner!, helper: helper! },
    secrets: { feedHash: feed.tokenHash, inviteHash: invite.tokenHash },
    checkIns: { partnerPrivate: pp.id, partnerShared: ps.id, parentPrivate: mine.id },
  };
}

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const filled = await fill(a, true);
  await fill(b, false);
  cg = filled.cg;
  secretRows = filled.secrets;
  checkIns = filled.checkIns;
});

async function download(who: TTestUser, query = ""): Promise<{ res: Response; text: string }> {
  await signInAs(who);
  const res = await exportRoute(new Request(`http://localhost/api/export${query}`));
  return { res, text: await res.text() };
}

async function exportJson(who: TTestUser, query = ""): Promise<{ doc: TExport; text: string }> {
  const { res, text } = await download(who, query);
  expect(res.status, text.slice(0, 300)).toBe(200);
  return { doc: JSON.parse(text) as TExport, text };
}

/** The household's ids per export key, read straight from the database. */
async function idsInDb(householdId: string, viewer: string): Promise<Record<string, string[]>> {
  const db = getDb();
  const where = { householdId };
  const ids = async (p: Promise<{ id: string }[]>) => (await p).map((r) => r.id).sort();
  const sel = { select: { id: true } } as const;
  return {
    members: await ids(db.caregiver.findMany({ where, ...sel })),
    babies: await ids(db.baby.findMany({ where, ...sel })),
    shifts: await ids(db.shift.findMany({ where, ...sel })),
    nightHistory: await ids(db.nightEvent.findMany({ where, ...sel })),
    unavailability: await ids(db.unavailability.findMany({ where, ...sel })),
    swaps: await ids(db.swap.findMany({ where, ...sel })),
    wakings: await ids(db.waking.findMany({ where, ...sel })),
    tapOuts: await ids(db.tapOut.findMany({ where, ...sel })),
    checkIns: await ids(
      db.checkIn.findMany({ where: { householdId, OR: [{ shared: true }, { caregiverId: viewer }] }, ...sel }),
    ),
    activities: await ids(db.activity.findMany({ where, ...sel })),
    plan: await ids(db.planItem.findMany({ where, ...sel })),
    checkOffs: await ids(db.checkOff.findMany({ where, ...sel })),
    planSuggestions: await ids(db.planSuggestion.findMany({ where, ...sel })),
    notes: await ids(db.note.findMany({ where, ...sel })),
    thanks: await ids(db.appreciation.findMany({ where, ...sel })),
  };
}

function idsIn(doc: TExport, key: string): string[] {
  return ((doc[key] ?? []) as TRow[]).map((r) => r.id).sort();
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  return out;
}

/** Every id of every row of household B (and its members' accounts). */
async function idsOfOtherHousehold(f: TFamily): Promise<string[]> {
  const db = getDb();
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'household_id'`;
  const out = [f.householdId, f.parent.id, f.partner.id, f.helper.id, f.parent.email, f.helper.email];
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ id: unknown }[]>(
      `SELECT id FROM "${table_name}" WHERE household_id = $1::uuid`,
      f.householdId,
    );
    // Row ids that are uuids (a bigint id like live_events' 7 would match any digit).
    out.push(...rows.map((r) => String(r.id)).filter((id) => /^[0-9a-f-]{36}$/.test(id)));
  }
  return out;
}

describe("the household's JSON export", () => {
  it("holds every included table's rows (counts and ids, across batches), and nothing of another household", async () => {
    const { doc, text } = await exportJson(a.parent);
    expect(doc).toMatchObject({ schemaVersion: 1, scope: "household", household: { id: a.householdId } });
    expect(doc.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(doc.settings).toMatchObject({ nightStart: "19:00", nightEnd: "07:00", warnSharePercent: 65 });
    const expected = await idsInDb(a.householdId, cg.parent);
    for (const [key, ids] of Object.entries(expected)) expect(idsIn(doc, key), key).toEqual(ids);
    expect(idsIn(doc, "wakings")).toHaveLength(1_000);
    expect(idsIn(doc, "notes").length).toBeGreaterThan(1_100);
    for (const id of await idsOfOtherHousehold(b)) expect(text, `household B's ${id}`).not.toContain(id);
  });

  it("carries the caller's private check-ins and the partner's shared ones, never the partner's private ones", async () => {
    const { doc } = await exportJson(a.parent);
    const ids = idsIn(doc, "checkIns");
    expect(ids).toContain(checkIns.parentPrivate);
    expect(ids).toContain(checkIns.partnerShared);
    expect(ids).not.toContain(checkIns.partnerPrivate);
    const partner = await exportJson(a.partner);
    expect(idsIn(partner.doc, "checkIns")).toEqual([checkIns.partnerPrivate, checkIns.partnerShared].sort());
  });

  it("has no secret-like key and none of the household's secrets", async () => {
    const { doc, text } = await exportJson(a.parent);
    // `auth` is the push key's name; "authorId" is a note's author.
    const secretLike = keysOf(doc).filter((k) => /hash|secret|token|password|p256dh|^auth$|auth(?!or)/i.test(k));
    expect(secretLike).toEqual([]);
    const db = getDb();
    const user = await db.user.findUniqueOrThrow({ where: { id: a.parent.id } });
    const session = await db.session.findFirstOrThrow({ where: { userId: a.parent.id } });
    for (const secret of [
      SECRETS.p256dh,
      SECRETS.auth,
      secretRows.feedHash,
      secretRows.inviteHash,
      user.passwordHash,
      session.id,
      `https://push.example/${a.householdId}`,
    ])
      expect(text).not.toContain(secret);
  });

  it("times carry the household's offset, dates are local dates", async () => {
    const { doc } = await exportJson(a.parent);
    const shift = (doc.shifts as TRow[]).find((s) => s.night === "2026-11-01")!;
    const row = await getDb().shift.findUniqueOrThrow({ where: { id: shift.id } });
    expect(shift.startsAt).toBe(isoInZone(row.startsAt, "Europe/Berlin"));
    expect(shift.startsAt).toBe("2026-11-01T19:00:00.000+01:00");
    expect(new Date(shift.startsAt as string).getTime()).toBe(row.startsAt.getTime());
  });
});

describe("scope=mine", () => {
  it("a parent's own: their shifts, wakings, check-ins (private too), notes, check-offs, nothing of the partner", async () => {
    const { doc } = await exportJson(a.partner, "?scope=mine");
    const db = getDb();
    const own = async (p: Promise<{ id: string }[]>) => (await p).map((r) => r.id).sort();
    const hid = a.householdId;
    expect(idsIn(doc, "members")).toEqual([cg.partner]);
    expect(idsIn(doc, "shifts")).toEqual(
      await own(db.shift.findMany({ where: { householdId: hid, caregiverId: cg.partner } })),
    );
    expect(idsIn(doc, "wakings")).toEqual(
      await own(db.waking.findMany({ where: { householdId: hid, responderId: cg.partner } })),
    );
    expect(idsIn(doc, "checkIns")).toEqual([checkIns.partnerPrivate, checkIns.partnerShared].sort());
    expect(idsIn(doc, "notes")).toEqual(
      await own(db.note.findMany({ where: { householdId: hid, authorId: cg.partner } })),
    );
    expect(idsIn(doc, "checkOffs")).toEqual(
      await own(db.checkOff.findMany({ where: { householdId: hid, byId: cg.partner } })),
    );
    expect(idsIn(doc, "thanks")).toHaveLength(1);
    // The household's own records are the parents' export, not this one.
    for (const key of ["settings", "babies", "swaps", "nightHistory", "activities", "plan", "planSuggestions"])
      expect(doc, key).not.toHaveProperty(key);
    expect(idsIn(doc, "checkIns")).not.toContain(checkIns.parentPrivate);
  });

  it("a helper's own, in JSON and CSV", async () => {
    const { doc } = await exportJson(a.helper, "?scope=mine");
    expect(idsIn(doc, "members")).toEqual([cg.helper]);
    expect(idsIn(doc, "shifts")).toHaveLength(1);
    expect(idsIn(doc, "wakings")).toHaveLength(1);
    expect(idsIn(doc, "unavailability")).toHaveLength(1);
    expect(idsIn(doc, "notes")).toEqual([]);
    const { res, text } = await download(a.helper, "?scope=mine&format=csv&area=wakings");
    expect(res.status).toBe(200);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.responder)).toEqual(["HelperA"]);
  });
});

describe("the CSVs", () => {
  it("read back with csv-parse: one row per database row, in time order, with the household's offsets", async () => {
    const db = getDb();
    const hid = a.householdId;
    const read = async (area: string) => {
      const { res, text } = await download(a.parent, `?format=csv&area=${area}`);
      expect(res.status).toBe(200);
      return parse(text, { columns: true }) as Record<string, string>[];
    };
    const nights = await read("nights");
    const shifts = await db.shift.findMany({
      where: { householdId: hid },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    expect(nights.map((r) => r.shift_id)).toEqual(shifts.map((s) => s.id));
    expect(nights[0]).toMatchObject({
      night: "2026-11-01",
      caregiver: "ParentA",
      starts_at: "2026-11-01T19:00:00.000+01:00",
      ends_at: "2026-11-02T07:00:00.000+01:00",
      minutes: "720",
      reason: "Alex had carried 3 more nights",
    });
    const wakings = await read("wakings");
    const wRows = await db.waking.findMany({
      where: { householdId: hid },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    });
    expect(wakings.map((r) => r.waking_id)).toEqual(wRows.map((w) => w.id));
    const first = wakings.find((w) => w.night === "2026-11-01")!;
    expect(first).toMatchObject({ baby: "Robin", responder: "ParentA", helped: "rock; hold", minutes_awake: "20" });
    // A note beginning with "-" is text, not a formula: apostrophe in front.
    expect(wakings.find((w) => w.night === "2026-11-02")!.note).toBe("'-1 ml left, +2 later");
    const plan = await read("plan");
    expect(plan).toEqual([
      expect.objectContaining({ activity: "'@cmd|calc", status: "done", by: "PartnerA", note: "'+lovely" }),
    ]);
    const notes = await read("notes");
    expect(notes.map((n) => n.note_id)).toEqual(
      (await db.note.findMany({ where: { householdId: hid }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(
        (n) => n.id,
      ),
    );
  });

  it("a note with quotes, commas, newlines and a leading '=' comes back whole, defused by one apostrophe", async () => {
    const { text } = await download(a.parent, "?format=csv&area=notes");
    expect(text.startsWith("created_at,author,kind,night,pinned_at,edited_at,body,note_id,author_id\r\n")).toBe(true);
    const notes = parse(text, { columns: true }) as Record<string, string>[];
    const hostile = notes.filter((n) => n.body?.includes("HYPERLINK"));
    expect(hostile).toHaveLength(1);
    expect(hostile[0]!.body).toBe(`'${HOSTILE_BODY}`);
    expect(notes.find((n) => n.body === "from someone who left")).toMatchObject({ author: "", author_id: "" });
    // No cell anywhere starts a formula.
    for (const n of notes) for (const cell of Object.values(n)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("streaming", () => {
  it("reads the database only as the download is read, a batch at a time, and stops when it is cancelled", async () => {
    await signInAs(a.parent);
    const sql: string[] = [];
    const listener = (q: string) => void sql.push(q);
    queryListeners.add(listener);
    try {
      const res = await exportRoute(new Request("http://localhost/api/export?format=csv&area=wakings"));
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const wakingReads = () => sql.filter((q) => /FROM "public"\."wakings"/.test(q)).length;
      // The header, then the first 500 wakings: one read of the table so far, however many there are.
      const header = await reader.read();
      expect(new TextDecoder().decode(header.value)).toMatch(/^night,baby,responder,/);
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value).split("\r\n").length).toBeGreaterThan(400);
      // One read for this batch, and at most one ahead (the stream keeps one chunk ready); a full read takes three.
      expect(wakingReads()).toBeGreaterThanOrEqual(1);
      expect(wakingReads()).toBeLessThanOrEqual(2);
      await reader.cancel();
      const afterCancel = sql.length;
      await new Promise((r) => setTimeout(r, 100));
      expect(sql.length).toBe(afterCancel);
      expect(wakingReads()).toBeLessThan(3);
    } finally {
      queryListeners.delete(listener);
    }
  });
});

describe("the demo household", () => {
  it("exports whole: every included table's ids match the database", async () => {
    await seedDemo();
    const db = getDb();
    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    const samCg = await db.caregiver.findFirstOrThrow({ where: { userId: sam.id } });
    const who = { id: sam.id, email: sam.email, name: sam.name, password: "" };
    const { doc } = await exportJson(who);
    const expected = await idsInDb(samCg.householdId, samCg.id);
    for (const [key, ids] of Object.entries(expected)) expect(idsIn(doc, key), key).toEqual(ids);
    expect(idsIn(doc, "wakings").length).toBeGreaterThan(20);
    expect(idsIn(doc, "checkIns").length).toBeGreaterThan(0);
  }, 60_000);
});

describe("hostile query values", () => {
  const MB = "x".repeat(1_000_000);
  const cases: [param: string, label: string, value: string][] = [];
  for (const [param, unknown, nul] of [
    ["format", "xml", "json\u0000"],
    ["area", "sleep", "notes\u0000"],
    ["scope", "everyone", "mine\u0000"],
  ] as const)
    cases.push([param, "unknown", unknown], [param, "empty", ""], [param, "1 MB", MB], [param, "with NUL", nul]);
  it.each(cases)("%s %s gives a clear 400", async (param, _label, value) => {
    const base = param === "area" ? "format=csv&" : "";
    const { res, text } = await download(a.parent, `?${base}${param}=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    const body = JSON.parse(text) as { code: string; error: string; fieldErrors: Record<string, string[]> };
    expect(body.code).toBe("invalid");
    expect(body.error).toMatch(/^Choose the (format|area|scope)/);
    expect(Object.keys(body.fieldErrors)).toEqual([param]);
    expect(text.length).toBeLessThan(500);
  });

  it("a CSV without an area, or the JSON with one, is a 400 that says so", async () => {
    const csv = await download(a.parent, "?format=csv");
    expect(csv.res.status).toBe(400);
    expect(csv.text).toContain("A CSV needs an area");
    const json = await download(a.parent, "?format=json&area=notes");
    expect(json.res.status).toBe(400);
    expect(json.text).toContain("leave out area");
  });

  it("a malformed householdId is refused like a stranger's (403), a helper's bad scope is still a 400", async () => {
    expect((await download(a.parent, "?householdId=%00")).res.status).toBe(403);
    expect((await download(a.helper, "?scope=%00")).res.status).toBe(400);
  });
});
