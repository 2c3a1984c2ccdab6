import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { english } from "@/lib/i18n/english";
import { fillRota } from "@/lib/nights/fill-rota";
import { createShift, updateShift } from "@/lib/nights/shifts";
import { addUnavailability } from "@/lib/nights/unavailability";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import { AppError } from "@/lib/errors";
import { actorOf, caregiverIdOf, dumpTables, makeFamily } from "../helpers/factories";
import { addDays, fromDbDate } from "@/lib/time/local-date";

async function setup(tz = "Europe/London") {
  const f = await makeFamily("R");
  await getDb().household.update({ where: { id: f.householdId }, data: { timeZone: tz } });
  const from = addDays(currentOrNextNight(new Date(), tz, 1140, 420).date, 1);
  return {
    ...f,
    from,
    parentCg: await caregiverIdOf(f.parent),
    partnerCg: await caregiverIdOf(f.partner),
    helperCg: await caregiverIdOf(f.helper),
  };
}

const shiftsOf = (householdId: string) =>
  getDb().shift.findMany({
    where: { householdId },
    orderBy: { startsAt: "asc" },
    select: { id: true, caregiverId: true, nightDate: true, startsAt: true, endsAt: true, source: true, reason: true },
  });

describe("fill the rota", () => {
  it("alternates whole nights between the parents (not the helper), with a reason on each", async () => {
    const f = await setup();
    const r = await fillRota(await actorOf(f.parent), {
      householdId: f.householdId,
      kind: "alternate",
      from: f.from,
      weeks: "2",
    });
    expect(r).toMatchObject({ created: 14, kept: 0, replaced: 0, unfilled: 0 });
    const shifts = await shiftsOf(f.householdId);
    expect(shifts).toHaveLength(14);
    expect(new Set(shifts.map((s) => s.caregiverId))).toEqual(new Set([f.parentCg, f.partnerCg]));
    expect(shifts.every((s) => s.source === "rota" && s.reason)).toBe(true);
    const counts = [f.parentCg, f.partnerCg].map((id) => shifts.filter((s) => s.caregiverId === id).length);
    expect(Math.abs(counts[0]! - counts[1]!)).toBeLessThanOrEqual(1);
    // Each shift spans its whole night, what the clock says.
    for (const s of shifts) {
      const w = nightWindow(fromDbDate(s.nightDate), "Europe/London", 1140, 420);
      expect([s.startsAt.getTime(), s.endsAt.getTime()]).toEqual([w.start.getTime(), w.end.getTime()]);
    }
    const h = await getDb().household.findUniqueOrThrow({ where: { id: f.householdId } });
    expect(h.rotaTemplate).toEqual({ kind: "alternate" });
  });

  it("filling again replaces the rota's own shifts but keeps what a person set or changed by hand, and says so", async () => {
    const f = await setup();
    const a = await actorOf(f.parent);
    await fillRota(a, { householdId: f.householdId, kind: "alternate", from: f.from, weeks: "1" });
    const first = await shiftsOf(f.householdId);
    // A hand edit on night 2, and a hand-made split on night 4 (after deleting the rota's shift there).
    const n2 = first[1]!;
    await updateShift(a, {
      householdId: f.householdId,
      shiftId: n2.id,
      version: 0,
      caregiverId: n2.caregiverId === f.parentCg ? f.partnerCg : f.parentCg,
      start: "19:00",
      end: "07:00",
    });
    const r = await fillRota(a, {
      householdId: f.householdId,
      kind: "split",
      splitAt: "01:00",
      firstHalf: "rotate",
      from: f.from,
      weeks: "1",
    });
    expect(r.kept).toBe(1);
    expect(r.replaced).toBe(6);
    const after = await shiftsOf(f.householdId);
    const kept = after.filter((s) => s.source === "manual");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.id).toBe(n2.id);
    // The six other nights are split in two.
    expect(after.filter((s) => s.source === "rota")).toHaveLength(12);
  });

  it("respects unavailability and explains it", async () => {
    const f = await setup();
    const a = await actorOf(f.parent);
    const day = addDays(f.from, 2);
    await addUnavailability(await actorOf(f.partner), {
      householdId: f.householdId,
      caregiverId: f.partnerCg,
      from: day,
      to: addDays(day, 1),
    });
    await fillRota(a, { householdId: f.householdId, kind: "alternate", from: f.from, weeks: "1" });
    const shifts = await shiftsOf(f.householdId);
    for (const s of shifts) {
      const date = fromDbDate(s.nightDate);
      if (date === day || date === addDays(day, 1)) expect(s.caregiverId).toBe(f.parentCg);
    }
    expect(shifts.some((s) => english(s.reason ?? "").includes("unavailable"))).toBe(true);
  });

  it("a weekly pattern may name the helper; feed-then-handover splits at the feed", async () => {
    const f = await setup();
    const a = await actorOf(f.parent);
    const pattern = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [`day${d}`, d === 5 ? f.helperCg : ""]));
    await fillRota(a, { householdId: f.householdId, kind: "weekly", from: f.from, weeks: "1", ...pattern });
    const shifts = await shiftsOf(f.householdId);
    expect(shifts.filter((s) => s.caregiverId === f.helperCg)).toHaveLength(1);

    const g = await setup();
    await fillRota(await actorOf(g.parent), {
      householdId: g.householdId,
      kind: "feed-then-handover",
      feederId: g.partnerCg,
      feedUntil: "23:00",
      from: g.from,
      weeks: "1",
    });
    const gs = await shiftsOf(g.householdId);
    expect(gs).toHaveLength(14);
    expect(gs.filter((s) => s.caregiverId === g.partnerCg)).toHaveLength(7);
  });

  it("refuses past nights, bad templates and other households' people, writing nothing", async () => {
    const f = await setup();
    const other = await makeFamily("X");
    const a = await actorOf(f.parent);
    const cases: [Record<string, string>, string][] = [
      [{ kind: "alternate", from: "2020-01-01", weeks: "1" }, "from"],
      [{ kind: "alternate", from: f.from, weeks: "13" }, "weeks"],
      [{ kind: "alternate", from: f.from, weeks: "0" }, "weeks"],
      [{ kind: "split", from: f.from, weeks: "1", splitAt: "" }, "splitAt"],
      [{ kind: "split", from: f.from, weeks: "1", splitAt: "12:00" }, "_form"],
      [
        {
          kind: "feed-then-handover",
          from: f.from,
          weeks: "1",
          feedUntil: "23:00",
          feederId: await caregiverIdOf(other.parent),
        },
        "_form",
      ],
      [{ kind: "nonsense", from: f.from, weeks: "1" }, "kind"],
    ];
    for (const [input, field] of cases) {
      const before = await dumpTables();
      const err = await fillRota(a, { householdId: f.householdId, ...input }).catch((e: unknown) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("invalid");
      expect((err as AppError).fieldErrors?.[field], JSON.stringify(input)).toBeTruthy();
      expect(await dumpTables()).toEqual(before);
    }
  });

  it("helpers cannot fill the rota", async () => {
    const f = await setup();
    await expect(
      fillRota(await actorOf(f.helper), { householdId: f.householdId, kind: "alternate", from: f.from, weeks: "1" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a shift made by hand at the same moment as a fill: both can't overlap, nothing half-written", async () => {
    const f = await setup();
    const [a, b] = [await actorOf(f.parent), await actorOf(f.partner)];
    const results = await Promise.allSettled([
      fillRota(a, { householdId: f.householdId, kind: "alternate", from: f.from, weeks: "1" }),
      createShift(b, {
        householdId: f.householdId,
        caregiverId: f.partnerCg,
        nightDate: addDays(f.from, 3),
        start: "19:00",
        end: "07:00",
      }),
    ]);
    const shifts = await shiftsOf(f.householdId);
    // Either the fill saw the manual shift and kept it, or one of them was refused whole.
    const manual = shifts.filter((s) => s.source === "manual");
    const rota = shifts.filter((s) => s.source === "rota");
    if (results.every((r) => r.status === "fulfilled")) expect([manual.length, rota.length]).toEqual([1, 6]);
    else expect(rota.length === 7 || rota.length === 0).toBe(true);
  });
});

describe("weekly pattern with split nights", () => {
  it("A first half and B second half on Sun–Thu, swapped at weekends", async () => {
    const f = await setup();
    const ab = `${f.parentCg}/${f.partnerCg}`;
    const ba = `${f.partnerCg}/${f.parentCg}`;
    const days = { day0: ab, day1: ab, day2: ab, day3: ab, day4: ab, day5: ba, day6: ba };
    const r = await fillRota(await actorOf(f.parent), {
      householdId: f.householdId,
      kind: "weekly",
      splitAt: "01:00",
      from: f.from,
      weeks: "1",
      ...days,
    });
    expect(r.created).toBe(14);
    const shifts = await shiftsOf(f.householdId);
    for (const s of shifts) {
      const date = fromDbDate(s.nightDate);
      const weekend = [5, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
      const firstHalf = s.startsAt.getTime() === nightWindow(date, "Europe/London", 1140, 420).start.getTime();
      const expected = weekend === firstHalf ? f.partnerCg : f.parentCg;
      expect(s.caregiverId, `${date} ${firstHalf ? "first" : "second"}`).toBe(expected);
    }
  });

  it("refuses a split pair from another household", async () => {
    const f = await setup();
    const other = await makeFamily("W");
    const bad = `${f.parentCg}/${await caregiverIdOf(other.parent)}`;
    await expect(
      fillRota(await actorOf(f.parent), {
        householdId: f.householdId,
        kind: "weekly",
        splitAt: "01:00",
        from: f.from,
        weeks: "1",
        day1: bad,
      }),
    ).rejects.toMatchObject({ code: "invalid" });
  });
});
