// "Download our data" (GET /api/export): refused to signed-out visitors, to
// members of other households (with our household id), and to a helper asking
// for the household's export, with nothing written; a parent gets the
// household's JSON and CSVs, a helper their own.
import { beforeEach, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import { dumpTables, makeFamily, signInAs, type TTestUser } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let a: TFamily;
let b: TFamily;

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
});

function get(query: string): Promise<Response> {
  return exportRoute(new Request(`http://localhost/api/export${query}`));
}

/** Signs in as `who`, asks, and expects `status` with a JSON error and every table as it was. */
async function expectRefused(who: TTestUser | null, query: string, status: number, code: string) {
  await signInAs(who);
  const before = await dumpTables();
  const res = await get(query);
  expect(res.status).toBe(status);
  expect(res.headers.get("content-disposition")).toBeNull();
  expect(await res.json()).toMatchObject({ code });
  expect(await dumpTables()).toEqual(before);
}

describeRoute("GET /api/export", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectRefused(null, `?householdId=${a.householdId}`, 401, "unauthenticated");
    await expectRefused(null, "?format=csv&area=notes&scope=mine", 401, "unauthenticated");
  });

  it("refuses a member of another household asking for ours, in every format and scope, and writes nothing", async () => {
    for (const q of ["", "&scope=mine", "&format=csv&area=nights", "&format=csv&area=notes&scope=mine"])
      await expectRefused(b.parent, `?householdId=${a.householdId}${q}`, 403, "forbidden");
  });

  it("refuses a helper asking for the household's export (JSON or CSV) and writes nothing", async () => {
    await expectRefused(a.helper, "", 403, "forbidden");
    await expectRefused(a.helper, `?householdId=${a.householdId}&scope=household`, 403, "forbidden");
    await expectRefused(a.helper, "?format=csv&area=wakings", 403, "forbidden");
  });

  it("gives a parent the household's JSON and each CSV, as attachments", async () => {
    for (const parent of [a.parent, a.partner]) {
      await signInAs(parent);
      const res = await get("");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(
        /^attachment; filename="attune-household-a-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(JSON.parse(await res.text())).toMatchObject({ schemaVersion: 1, scope: "household" });
      for (const area of ["nights", "wakings", "plan", "notes"]) {
        const csv = await get(`?format=csv&area=${area}`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        expect(csv.headers.get("content-disposition")).toContain(`-${area}-`);
        await csv.text();
      }
    }
  });

  it("gives a helper (and a parent) their own data with scope=mine", async () => {
    for (const who of [a.helper, a.parent]) {
      await signInAs(who);
      const res = await get("?scope=mine");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/filename="attune-household-a-(helpera|parenta)-/);
      expect(JSON.parse(await res.text())).toMatchObject({ schemaVersion: 1, scope: "mine" });
      const csv = await get("?scope=mine&format=csv&area=notes");
      expect(csv.status).toBe(200);
      await csv.text();
    }
  });
});
