// The household details cached across requests (lib/household/details.ts):
// two app instances, each with its own cache and its own LISTEN connection,
// both drop their copy when a parent renames the household in one of them.
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { HouseholdDetailsCache, readHouseholdDetails } from "@/lib/household/details";
import { updateHousehold } from "@/lib/household/update-household";
import { addBaby } from "@/lib/household/add-baby";
import { createLiveHub } from "@/lib/live/hub";
import { actorOf, HOUSEHOLD_INPUT, makeFamily } from "../helpers/factories";
import { countQueries } from "../helpers/count-queries";
import { getDb } from "@/lib/db";

const hubs = [createLiveHub(() => env().DATABASE_URL), createLiveHub(() => env().DATABASE_URL)];
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
});

async function waitFor(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("household details across requests", () => {
  it("read in one statement, then from memory; a rename in one instance reaches the other within the live channel's delay", async () => {
    const { parent, householdId } = await makeFamily("Cache");
    const [one, two] = hubs.map((hub) => new HouseholdDetailsCache(hub));

    const first = await countQueries(() => one!.get(householdId));
    expect(first.queries).toBe(1); // household, members with names, babies: one statement (relation joins)
    expect(first.result?.household.name).toBe("Household Cache");
    expect(first.result?.members.map((m) => m.name)).toEqual(["ParentCache", "PartnerCache", "HelperCache"]);
    await two!.get(householdId);
    const again = await countQueries(() => Promise.all([one!.get(householdId), two!.get(householdId)]));
    expect(again.queries).toBe(0);

    // Instance one renames; instance two only hears of it through the live channel.
    const name = "Renamed by the other instance";
    await updateHousehold(await actorOf(parent), { ...HOUSEHOLD_INPUT, householdId, name });
    const delay = await waitFor(async () => (await two!.get(householdId))?.household.name === name, "the rename");
    expect(delay).toBeLessThan(2_000);
    await waitFor(async () => (await one!.get(householdId))?.household.name === name, "the rename in instance one");

    // A new baby (another household.changed) is seen too, and the cache again answers from memory.
    await addBaby(await actorOf(parent), { householdId, name: "Robin", birthDate: "2026-01-02" });
    await waitFor(
      async () => (await two!.get(householdId))?.babies.some((b) => b.name === "Robin") ?? false,
      "the baby",
    );
    expect((await countQueries(() => two!.get(householdId))).queries).toBe(0);
  });

  it("keeps nothing when the live channel is down, and nothing for a household that is gone", async () => {
    const { householdId } = await makeFamily("NoListen");
    const down = { subscribe: () => () => {}, ready: () => Promise.reject(new Error("no LISTEN")) };
    const cache = new HouseholdDetailsCache(down);
    expect((await cache.get(householdId))?.household.name).toBe("Household NoListen");
    expect((await countQueries(() => cache.get(householdId))).queries).toBe(1); // every read to the database
    expect(cache.size).toBe(0);
    const gone = new HouseholdDetailsCache(hubs[0]!);
    expect(await gone.get("00000000-0000-4000-8000-000000000000")).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(gone.size).toBe(0);
  });

  it("evicts the least recently used household beyond its size", async () => {
    const [a, b, c] = await Promise.all([makeFamily("L1"), makeFamily("L2"), makeFamily("L3")]);
    // A channel that is always up: a real one reconnecting under a loaded machine drops every entry
    // (a gap, as it should), which is the test above's subject, not this one's.
    const up = { subscribe: () => () => {}, ready: () => Promise.resolve() };
    const cache = new HouseholdDetailsCache(up, readHouseholdDetails, 2);
    await cache.get(a.householdId);
    await cache.get(b.householdId);
    await cache.get(a.householdId);
    await cache.get(c.householdId); // b goes
    expect(cache.size).toBe(2);
    expect((await countQueries(() => cache.get(a.householdId))).queries).toBe(0);
    expect((await countQueries(() => cache.get(b.householdId))).queries).toBe(1);
  });
});

describe("the household's first night", () => {
  it("is the night the household was made in, so no night from before it is listed", async () => {
    const { householdId } = await makeFamily("First");
    // HOUSEHOLD_INPUT's window is 19:00–07:00 in Europe/Berlin: 03:00 belongs to the night before, 20:00 to its own day.
    const at = async (iso: string) => {
      await getDb().household.update({ where: { id: householdId }, data: { createdAt: new Date(iso) } });
      return (await readHouseholdDetails(householdId))?.firstNight;
    };
    expect(await at("2026-03-10T02:00:00Z")).toBe("2026-03-09"); // 03:00 in Berlin
    expect(await at("2026-03-10T19:30:00Z")).toBe("2026-03-10"); // 20:30 in Berlin
    expect(HOUSEHOLD_INPUT.timeZone).toBe("Europe/Berlin");
  });
});
