// "Bring your data from a file" (POST /api/import): refused to signed-out
// visitors before the body is read, and to anyone already in a household (one
// household per account, docs/decisions/0004); in both cases nothing is
// written, and above all no other household's rows are touched: a file
// naming another household's ids gets a new household with new ids.
import { beforeEach, expect, it, vi } from "vitest";
import { POST as importRoute } from "@/app/api/import/route";
import { getDb } from "@/lib/db";
import { dumpTables, makeFamily, makeUser, signInAs, type TTestUser } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let a: TFamily;

beforeEach(async () => {
  a = await makeFamily("A");
});

/** A minimal, valid Attune export whose ids are household A's own. */
async function fileNamingA(): Promise<string> {
  const db = getDb();
  const household = await db.household.findUniqueOrThrow({ where: { id: a.householdId } });
  const members = await db.caregiver.findMany({ where: { householdId: a.householdId }, include: { user: true } });
  const at = "2026-11-01T19:00:00.000+01:00";
  return JSON.stringify({
    schemaVersion: 1,
    exportedAt: at,
    scope: "household",
    exportedBy: { caregiverId: members[0]!.id, name: "Someone", role: "parent" },
    household: { id: household.id, name: "Not yours", timeZone: "Europe/Berlin", createdAt: at, updatedAt: at },
    settings: {
      nightStart: "19:00",
      nightEnd: "07:00",
      rotaTemplate: null,
      rotaMaxConsecutive: 2,
      rotaFairnessWindow: 30,
      warnConsecutive: 3,
      warnSharePercent: 65,
      warnSleepMinutes: 240,
      warnSleepNights: 3,
      supportText: null,
    },
    members: members.map((m) => ({
      id: m.id,
      userId: m.userId,
      name: m.user!.name,
      email: m.user!.email,
      role: m.role,
      joinedAt: at,
    })),
    ...Object.fromEntries(
      [
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
      ].map((k) => [k, []]),
    ),
  });
}

function post(text: string): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([text], "attune.json", { type: "application/json" }));
  return importRoute(new Request("http://localhost/api/import", { method: "POST", body: form }));
}

async function expectRefused(who: TTestUser | null, status: number, code: string) {
  await signInAs(who);
  const before = await dumpTables();
  const res = await post(await fileNamingA());
  expect(res.status).toBe(status);
  expect(await res.json()).toMatchObject({ code });
  expect(await dumpTables()).toEqual(before);
}

describeRoute("POST /api/import", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectRefused(null, 401, "unauthenticated");
  });

  it("refuses someone who already belongs to a household (a parent, a helper) and writes nothing", async () => {
    await expectRefused(a.parent, 403, "forbidden");
    await expectRefused(a.helper, 403, "forbidden");
  });

  it("gives a person in no household a new household; the file's ids (household A's) are not reused and A is untouched", async () => {
    const db = getDb();
    const dump = async () => {
      const all = await dumpTables();
      // Household A's rows, in every table that has them.
      return Object.fromEntries(
        Object.entries(all).map(([t, rows]) => [
          t,
          (rows as Record<string, unknown>[]).filter((r) => r.household_id === a.householdId || r.id === a.householdId),
        ]),
      );
    };
    const before = await dump();
    await signInAs(await makeUser("Newcomer"));
    const res = await post(await fileNamingA());
    expect(res.status).toBe(201);
    const { householdId } = (await res.json()) as { householdId: string };
    expect(householdId).not.toBe(a.householdId);
    expect(await dump()).toEqual(before);
    const theirs = await db.caregiver.findMany({ where: { householdId } });
    const aIds = new Set((await db.caregiver.findMany({ where: { householdId: a.householdId } })).map((c) => c.id));
    expect(theirs).toHaveLength(3);
    for (const c of theirs) expect(aIds.has(c.id)).toBe(false);
  });
});
