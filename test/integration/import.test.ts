// "Bring your data from a file": the demo household exported, imported as
// someone else into a new household, and exported again matches section by
// section, row by row (ids aside, every value and every relationship kept);
// hostile files get a clear 400 naming the problem and leave every table as it
// was; a Baby Buddy sleep log becomes babies and wakings as docs/import.md says.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as importRoute } from "@/app/api/import/route";
import { getDb } from "@/lib/db";
import { prepareExport } from "@/lib/export/export";
import { wakingsFromSleep, ZBabyBuddyUpload } from "@/lib/import/baby-buddy";
import { seedDemo } from "@/prisma/seed";
import { actorOf, dumpTables, makeUser, signInAs, type TTestUser } from "../helpers/factories";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TRow = Record<string, unknown>;
type TDoc = Record<string, unknown> & { exportedBy: { caregiverId: string }; members: TRow[] };

const SECTIONS = [
  "members",
  "babies",
  "shifts",
  "nightHistory",
  "unavailability",
  "swaps",
  "wakings",
  "tapOuts",
  "checkIns",
  "activities",
  "plan",
  "checkOffs",
  "planSuggestions",
  "notes",
  "thanks",
] as const;

async function exportOf(userId: string): Promise<TDoc> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const cg = await db.caregiver.findFirstOrThrow({ where: { userId } });
  const actor = await actorOf({ id: user.id, email: user.email, name: user.name, password: "" });
  const file = await prepareExport(actor, { householdId: cg.householdId }, new Date());
  return JSON.parse(await new Response(file.body).text()) as TDoc;
}

function post(body: BodyInit, contentType?: string): Promise<Response> {
  return importRoute(
    new Request("http://localhost/api/import", {
      method: "POST",
      body,
      headers: contentType ? { "content-type": contentType } : {},
    }),
  );
}

function postFile(text: string, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([text], "attune.json", { type: "application/json" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return post(form);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Each row with its ids replaced by what they point at: a pointer becomes the
 * pointed-at row's content (without ids), so two files with different ids
 * compare equal exactly when their values and relationships are the same.
 */
function canonical(doc: TDoc): Record<string, string[]> {
  const importer = doc.exportedBy.caregiverId;
  // The exporter's own member row names the account that imported it, and the others' emails are placeholders.
  const members = doc.members.map(({ email: _email, ...m }) => (m.id === importer ? { ...m, name: "<exporter>" } : m));
  const rowsOf = (key: string) => (key === "members" ? members : (doc[key] as TRow[]));
  const content = new Map<string, string>();
  const strip = (r: TRow) =>
    JSON.stringify(
      Object.fromEntries(Object.entries(r).filter(([k, v]) => !(typeof v === "string" && UUID.test(v)) && k !== "id")),
    );
  for (const key of SECTIONS)
    for (const r of rowsOf(key)) {
      content.set(r.id as string, `${key}:${strip(r)}`);
      if (key === "members") content.set(r.userId as string, `user:${strip(r)}`);
    }
  const out: Record<string, string[]> = {};
  for (const key of SECTIONS)
    out[key] = rowsOf(key)
      .map((r) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(r)
              .filter(([k]) => k !== "id")
              .map(([k, v]) => [k, typeof v === "string" && UUID.test(v) ? (content.get(v) ?? "<unknown>") : v]),
          ),
        ),
      )
      .sort();
  const { rotaTemplate, ...settings } = doc.settings as TRow;
  out.settings = [JSON.stringify(settings), JSON.stringify(rotaTemplate)];
  return out;
}

let demo: TDoc;
let samId: string;

beforeAll(async () => {
  await seedDemo();
  const db = getDb();
  const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
  samId = sam.id;
  const cg = await db.caregiver.findFirstOrThrow({ where: { userId: sam.id } });
  const alex = await db.caregiver.findFirstOrThrow({ where: { householdId: cg.householdId, NOT: { id: cg.id } } });
  const hid = cg.householdId;
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  // What the demo may not hold: one of each, so no section is compared empty.
  if (!(await db.appreciation.count({ where: { householdId: hid } })))
    await db.appreciation.create({
      data: { householdId: hid, fromId: alex.id, toId: cg.id, nightDate: day("2026-11-01"), message: "  thank you\n" },
    });
  if (!(await db.planSuggestion.count({ where: { householdId: hid } })))
    await db.planSuggestion.create({
      data: { householdId: hid, date: day("2026-11-02"), kind: "repair", decision: "accepted", byId: alex.id },
    });
  await db.note.create({ data: { householdId: hid, authorId: null, body: "from someone who left" } });
  demo = await exportOf(samId);
}, 120_000);

describe("the round trip", () => {
  it("imports the demo household's export into a new household as another person, and its export matches row by row", async () => {
    for (const key of SECTIONS) expect((demo[key] as unknown[]).length, key).toBeGreaterThan(0);
    const robin = await makeUser("Robin");
    await signInAs(robin);
    const res = await postFile(JSON.stringify(demo));
    const body = (await res.json()) as { householdId: string; counts: Record<string, number> };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.counts.wakings).toBe((demo.wakings as unknown[]).length);
    const again = await exportOf(robin.id);
    expect(again.household).toMatchObject({
      name: (demo.household as TRow).name,
      timeZone: (demo.household as TRow).timeZone,
    });
    expect((again.household as TRow).id).not.toBe((demo.household as TRow).id);
    const a = canonical(demo);
    const b = canonical(again);
    for (const key of Object.keys(a)) expect(b[key], key).toEqual(a[key]);
    // No id of the file was reused.
    const oldIds = new Set(SECTIONS.flatMap((k) => (demo[k] as TRow[]).map((r) => r.id)));
    for (const k of SECTIONS) for (const r of again[k] as TRow[]) expect(oldIds.has(r.id)).toBe(false);
    // Robin is the household's parent; Alex a placeholder no one can sign in to.
    const db = getDb();
    const members = await db.caregiver.findMany({ where: { householdId: body.householdId }, include: { user: true } });
    expect(members.find((m) => m.userId === robin.id)?.role).toBe("parent");
    const other = members.find((m) => m.userId !== robin.id)!;
    expect(other.user!.email).toMatch(/@import\.attune\.invalid$/);
    expect(other.user!.name).toBe("Alex");
  }, 120_000);
});

describe("someone who left", () => {
  it("“a former caregiver” in a file (exports write it in English) comes back as no name, read in each language", async () => {
    const d = structuredClone(demo);
    const sample = d.members.find((m) => m.id !== d.exportedBy.caregiverId)!;
    const gone = { ...sample, id: randomUUID(), userId: null, email: null, name: "a former caregiver" };
    const kept = { ...sample, id: randomUUID(), userId: null, email: null, name: "Grandpa Joe" };
    d.members.push(gone, kept);
    const jo = await makeUser("Jo");
    await signInAs(jo);
    const res = await postFile(JSON.stringify(d));
    const body = (await res.json()) as { householdId: string };
    expect(res.status, JSON.stringify(body)).toBe(201);
    const former = await getDb().caregiver.findMany({
      where: { householdId: body.householdId, userId: null },
      select: { formerName: true, removedAt: true },
    });
    expect(former.map((c) => c.formerName).sort()).toEqual(["Grandpa Joe", null]);
    expect(former.every((c) => c.removedAt !== null)).toBe(true);
  }, 60_000);
});

describe("hostile files", () => {
  let mallory: TTestUser;
  beforeAll(async () => {
    mallory = await makeUser("Mallory");
  });

  /** Posts `body` as Mallory, expects `status` and a report naming `path`, and every table as it was. */
  async function expectRefused(send: () => Promise<Response>, status: number, path?: string | RegExp) {
    await signInAs(mallory);
    const before = await dumpTables();
    const res = await send();
    const json = (await res.json()) as { error: string; code: string; fieldErrors?: Record<string, string[]> };
    expect(res.status, JSON.stringify(json)).toBe(status);
    expect(json.error.length).toBeGreaterThan(0);
    if (path)
      expect(
        Object.keys(json.fieldErrors ?? {}).some((k) => (typeof path === "string" ? k === path : path.test(k))),
        JSON.stringify(json),
      ).toBe(true);
    expect(await dumpTables()).toEqual(before);
    return json;
  }
  const tamper = (fn: (d: TDoc) => void) => {
    const d = structuredClone(demo);
    fn(d);
    return JSON.stringify(d);
  };

  it("refuses what is not JSON, or not a file it knows", async () => {
    await expectRefused(() => postFile("night,caregiver\n2026-11-01,Sam"), 400, "file");
    await expectRefused(() => postFile("[1,2,3]"), 400);
    await expectRefused(() => post("{}", "application/json"), 400);
    await expectRefused(() => post(new FormData()), 400, "file");
  });

  it("refuses another schemaVersion and a one-person download", async () => {
    await expectRefused(() => postFile(tamper((d) => (d.schemaVersion = 2))), 400, "schemaVersion");
    await expectRefused(() => postFile(tamper((d) => (d.scope = "mine"))), 400, "scope");
  });

  it("refuses a 1 MB string, a NUL, an id that is not a uuid, and a dangling caregiver, naming each", async () => {
    await expectRefused(
      () => postFile(tamper((d) => ((d.notes as TRow[])[0]!.body = "x".repeat(1_000_000)))),
      400,
      "notes.0.body",
    );
    await expectRefused(
      () => postFile(tamper((d) => ((d.wakings as TRow[])[1]!.note = "a\u0000b"))),
      400,
      "wakings.1.note",
    );
    await expectRefused(
      () => postFile(tamper((d) => ((d.shifts as TRow[])[0]!.id = "1; DROP TABLE shifts"))),
      400,
      "shifts.0.id",
    );
    const json = await expectRefused(
      () => postFile(tamper((d) => ((d.wakings as TRow[])[2]!.responderId = "3f0c2a9e-1b2c-4d5e-8f90-123456789abc"))),
      400,
      "wakings.2.responderId",
    );
    expect(json.fieldErrors!["wakings.2.responderId"]).toEqual(["Names a member that is not in this file."]);
  });

  it("refuses a shift that ends before it starts, and a waking that ends before it began, naming the row", async () => {
    await expectRefused(
      () => postFile(tamper((d) => ((d.shifts as TRow[])[0]!.endsAt = (d.shifts as TRow[])[0]!.startsAt))),
      400,
      "shifts.0.endsAt",
    );
    await expectRefused(
      () => postFile(tamper((d) => ((d.wakings as TRow[])[0]!.endedAt = "2001-01-01T00:00:00.000+00:00"))),
      400,
      "wakings.0.endedAt",
    );
  });

  it("reports the first 20 problems, not thousands", async () => {
    const json = await expectRefused(
      () => postFile(tamper((d) => (d.wakings as TRow[]).forEach((w) => (w.startedAt = "yesterday")))),
      400,
      /^wakings\.\d+\.startedAt$/,
    );
    expect(Object.keys(json.fieldErrors!).length).toBe(20);
  });

  it("refuses rows the database would refuse (overlapping shifts), with nothing half-written", async () => {
    await expectRefused(
      () =>
        postFile(
          tamper((d) => {
            const shifts = d.shifts as TRow[];
            shifts.push({ ...shifts[0]!, id: "7b0c2a9e-1b2c-4d5e-8f90-123456789abc" });
          }),
        ),
      400,
    );
  });

  it("refuses a file over 20 MB with a clear message", async () => {
    const json = await expectRefused(() => post("x".repeat(20 * 1024 * 1024 + 1), "application/json"), 413);
    expect(json.error).toMatch(/20 MB/);
  });
});

describe("Baby Buddy", () => {
  const fixture = path.resolve(import.meta.dirname, "../fixtures/baby-buddy.json");
  const window = { timeZone: "Europe/Berlin", nightStart: 19 * 60, nightEnd: 7 * 60 };

  it("turns the gaps between night sleeps into wakings, skipping naps and days", async () => {
    const file = ZBabyBuddyUpload.parse(JSON.parse(await readFile(fixture, "utf8")));
    const wakings = wakingsFromSleep(file, window).map((w) => ({
      child: w.childId,
      night: w.night,
      from: w.startedAt.toISOString(),
      to: w.endedAt.toISOString(),
    }));
    expect(wakings).toEqual([
      // Night of 1 Nov (CET, +01:00): asleep 19:10–23:40, 00:05–03:20, 03:45–06:50.
      { child: 1, night: "2026-11-01", from: "2026-11-01T22:40:00.000Z", to: "2026-11-01T23:05:00.000Z" },
      // Twin 2 that night: one waking (in time order among Ada's).
      { child: 2, night: "2026-11-01", from: "2026-11-02T01:00:00.000Z", to: "2026-11-02T01:30:00.000Z" },
      { child: 1, night: "2026-11-01", from: "2026-11-02T02:20:00.000Z", to: "2026-11-02T02:45:00.000Z" },
      // Night of 2 Nov: bedtime at 18:45 (before the window) still counts; the nap on the 2nd does not.
      { child: 1, night: "2026-11-02", from: "2026-11-02T22:00:00.000Z", to: "2026-11-02T22:20:00.000Z" },
    ]);
  });

  it("imports the fixture into a new household named by the form", async () => {
    const parent = await makeUser("Casey");
    await signInAs(parent);
    const text = await readFile(fixture, "utf8");
    const res = await postFile(text, {
      name: "Casey's household",
      timeZone: "Europe/Berlin",
      nightStart: "19:00",
      nightEnd: "07:00",
    });
    const body = (await res.json()) as { householdId: string; counts: Record<string, number> };
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.counts).toEqual({ babies: 2, sleeps: 9, wakings: 4 });
    const db = getDb();
    const babies = await db.baby.findMany({ where: { householdId: body.householdId }, orderBy: { name: "asc" } });
    expect(babies.map((b) => b.name)).toEqual(["Ada Lovelace", "Byron Lovelace"]);
    const wakings = await db.waking.findMany({
      where: { householdId: body.householdId },
      include: { responder: true },
    });
    expect(wakings).toHaveLength(4);
    expect(new Set(wakings.map((w) => w.responder.userId))).toEqual(new Set([parent.id]));
  });

  it("refuses a sleep entry naming a child not in the file", async () => {
    const parent = await makeUser("Dana");
    await signInAs(parent);
    const file = JSON.parse(await readFile(fixture, "utf8")) as { sleep: { results: TRow[] } };
    file.sleep.results[0]!.child = 99;
    const before = await dumpTables();
    const res = await postFile(JSON.stringify(file), {
      name: "Dana",
      timeZone: "Europe/Berlin",
      nightStart: "19:00",
      nightEnd: "07:00",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).toHaveProperty(
      "sleep.0.child",
    );
    expect(await dumpTables()).toEqual(before);
  });
});
