import { beforeEach, expect, it, vi } from "vitest";
import { GET as overview } from "@/app/api/household/overview/route";
import { GET as health } from "@/app/api/health/route";
import { dumpTables, makeFamily, signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

let a: Awaited<ReturnType<typeof makeFamily>>;
let b: Awaited<ReturnType<typeof makeFamily>>;
beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
});

const get = (query = "") => overview(new Request(`http://localhost/api/household/overview${query}`));

describeRoute("GET /api/household/overview", () => {
  it("refuses a signed-out visitor with 401 and no data", async () => {
    await signInAs(null);
    const before = await dumpTables();
    const res = await get(`?householdId=${a.householdId}`);
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain(a.parent.email);
    expect(await dumpTables()).toEqual(before);
  });

  it("refuses a member of another household with 403 and no data", async () => {
    await signInAs(b.parent);
    const before = await dumpTables();
    const res = await get(`?householdId=${a.householdId}`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain(a.parent.email);
    expect(await dumpTables()).toEqual(before);
  });

  it("refuses a garbage household id without a 500", async () => {
    await signInAs(a.parent);
    expect((await get(`?householdId=%27%20OR%201=1`)).status).toBe(403);
  });

  it("gives a member their own household, by default and by id", async () => {
    await signInAs(a.helper);
    for (const res of [await get(), await get(`?householdId=${a.householdId}`)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const body = await res.json();
      expect(body.members).toHaveLength(3);
      expect(JSON.stringify(body)).not.toContain(b.parent.email);
    }
  });

  it("a user without a household gets 403", async () => {
    await signInAs(a.parent);
    const { leaveHousehold } = await import("@/lib/household/members");
    const { actorOf } = await import("../helpers/factories");
    await leaveHousehold(await actorOf(a.helper), { householdId: a.householdId });
    await signInAs(a.helper);
    expect((await get()).status).toBe(403);
  });
});

describeRoute(
  "GET /api/health",
  () => {
    it("is public and reports the database", async () => {
      await signInAs(null);
      const res = await health();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok", database: "ok" });
    });
  },
  { public: "for load balancers: says only whether the database answers" },
);
