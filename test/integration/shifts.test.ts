import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { english } from "@/lib/i18n/english";
import { createShift, deleteShift, shiftInstants, splitShift, updateShift } from "@/lib/nights/shifts";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";

async function family(tz = "Europe/London") {
  const f = await makeFamily("S");
  await getDb().household.update({ where: { id: f.householdId }, data: { timeZone: tz } });
  return {
    ...f,
    parentCg: await caregiverIdOf(f.parent),
    partnerCg: await caregiverIdOf(f.partner),
    helperCg: await caregiverIdOf(f.helper),
  };
}

describe("shift times", () => {
  const h = { timeZone: "Europe/London", nightStart: 19 * 60, nightEnd: 7 * 60 };
  it("a 19:00–07:00 shift lasts what the clock says: 12 h, 11 h in spring, 13 h in autumn", () => {
    const len = (d: string) => {
      const s = shiftInstants(d, 19 * 60, 7 * 60, h);
      return (s.endsAt.getTime() - s.startsAt.getTime()) / 3600_000;
    };
    expect(len("2026-11-26")).toBe(12);
    expect(len("2026-03-28")).toBe(11);
    expect(len("2026-10-24")).toBe(13);
  });
  it("times after midnight belong to the next morning", () => {
    const s = shiftInstants("2026-11-26", 1 * 60, 7 * 60, h);
    expect(s.startsAt.toISOString()).toBe("2026-11-27T01:00:00.000Z");
  });
  it("refuses shifts outside the night window or ending before they start", () => {
    expect(() => shiftInstants("2026-11-26", 17 * 60, 23 * 60, h)).toThrow(/within the night/);
    expect(() => shiftInstants("2026-11-26", 3 * 60, 2 * 60, h)).toThrow(/end after/);
  });
});

describe("shifts", () => {
  it("a parent creates, edits, splits and deletes shifts; each change is in the night's history", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const { shiftId } = await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-12-01",
      start: "19:00",
      end: "07:00",
    });
    await updateShift(a, {
      householdId: f.householdId,
      shiftId,
      version: "0",
      caregiverId: f.partnerCg,
      start: "19:00",
      end: "07:00",
    });
    const { shiftId: second } = await splitShift(a, {
      householdId: f.householdId,
      shiftId,
      version: "1",
      at: "01:00",
      caregiverId: f.parentCg,
    });
    const shifts = await getDb().shift.findMany({
      where: { householdId: f.householdId },
      orderBy: { startsAt: "asc" },
    });
    expect(shifts.map((s) => [s.caregiverId, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      [f.partnerCg, "2026-12-01T19:00:00.000Z", "2026-12-02T01:00:00.000Z"],
      [f.parentCg, "2026-12-02T01:00:00.000Z", "2026-12-02T07:00:00.000Z"],
    ]);
    await deleteShift(a, { householdId: f.householdId, shiftId: second, version: "0" });
    const events = await getDb().nightEvent.findMany({
      where: { householdId: f.householdId },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["shift_created", "shift_updated", "shift_split", "shift_deleted"]);
    expect(english(events[0]!.summary)).toMatch(/^ParentS.* took 19:00–07:00$/);
  });

  it("the database refuses overlapping shifts, with a clear message", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-12-01",
      start: "19:00",
      end: "01:00",
    });
    await expectRefusedUnchanged(
      () =>
        createShift(a, {
          householdId: f.householdId,
          caregiverId: f.partnerCg,
          nightDate: "2026-12-01",
          start: "00:00",
          end: "07:00",
        }),
      "conflict",
      /overlaps/,
    );
    // Touching is fine: [19:00, 01:00) then [01:00, 07:00).
    await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.partnerCg,
      nightDate: "2026-12-01",
      start: "01:00",
      end: "07:00",
    });
  });

  it("two partners saving overlapping shifts at the same moment: one is saved, one told", async () => {
    for (let round = 0; round < 5; round++) {
      const f = await family();
      const [a, b] = [await actorOf(f.parent), await actorOf(f.partner)];
      const night = `2026-12-1${round}`;
      const results = await Promise.allSettled([
        createShift(a, {
          householdId: f.householdId,
          caregiverId: f.parentCg,
          nightDate: night,
          start: "19:00",
          end: "07:00",
        }),
        createShift(b, {
          householdId: f.householdId,
          caregiverId: f.partnerCg,
          nightDate: night,
          start: "23:00",
          end: "05:00",
        }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "conflict" });
      expect(await getDb().shift.count({ where: { householdId: f.householdId } })).toBe(1);
    }
  });

  it("an edit based on an old version is refused and changes nothing", async () => {
    const f = await family();
    const [a, b] = [await actorOf(f.parent), await actorOf(f.partner)];
    const { shiftId } = await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-12-01",
      start: "19:00",
      end: "07:00",
    });
    await updateShift(b, {
      householdId: f.householdId,
      shiftId,
      version: 0,
      caregiverId: f.partnerCg,
      start: "19:00",
      end: "07:00",
    });
    await expectRefusedUnchanged(
      () =>
        updateShift(a, {
          householdId: f.householdId,
          shiftId,
          version: 0,
          caregiverId: f.parentCg,
          start: "20:00",
          end: "07:00",
        }),
      "conflict",
      /changed this shift/,
    );
  });

  it("helpers take their own shifts but cannot assign or change others'", async () => {
    const f = await family();
    const h = await actorOf(f.helper);
    await createShift(h, {
      householdId: f.householdId,
      caregiverId: f.helperCg,
      nightDate: "2026-12-03",
      start: "19:00",
      end: "07:00",
    });
    await expectRefusedUnchanged(
      () =>
        createShift(h, {
          householdId: f.householdId,
          caregiverId: f.parentCg,
          nightDate: "2026-12-04",
          start: "19:00",
          end: "07:00",
        }),
      "forbidden",
    );
    const { shiftId } = await createShift(await actorOf(f.parent), {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-12-05",
      start: "19:00",
      end: "07:00",
    });
    await expectRefusedUnchanged(
      () => deleteShift(h, { householdId: f.householdId, shiftId, version: 0 }),
      "forbidden",
    );
  });

  it.each([
    [{ nightDate: "2026-02-30" }, "nightDate"],
    [{ nightDate: "tomorrow" }, "nightDate"],
    [{ start: "25:00" }, "start"],
    [{ start: "18:00" }, "start"],
    [{ caregiverId: "00000000-0000-4000-8000-000000000000" }, "caregiverId"],
    [{ caregiverId: "nope" }, "caregiverId"],
  ])("refuses bad input %# and writes nothing", async (patch, field) => {
    const f = await family();
    const err = await expectRefusedUnchanged(
      async () =>
        createShift(await actorOf(f.parent), {
          householdId: f.householdId,
          caregiverId: f.parentCg,
          nightDate: "2026-12-01",
          start: "19:00",
          end: "07:00",
          ...patch,
        }),
      "invalid",
    );
    expect(err.fieldErrors?.[field]).toBeTruthy();
  });

  it("another household's caregiver or shift cannot be used", async () => {
    const f = await family();
    const g = await makeFamily("T");
    const other = await caregiverIdOf(g.parent);
    await expectRefusedUnchanged(
      async () =>
        createShift(await actorOf(f.parent), {
          householdId: f.householdId,
          caregiverId: other,
          nightDate: "2026-12-01",
          start: "19:00",
          end: "07:00",
        }),
      "invalid",
    );
    const { shiftId } = await createShift(await actorOf(g.parent), {
      householdId: g.householdId,
      caregiverId: other,
      nightDate: "2026-12-01",
      start: "19:00",
      end: "07:00",
    });
    await expectRefusedUnchanged(
      async () => deleteShift(await actorOf(f.parent), { householdId: f.householdId, shiftId, version: 0 }),
      "not_found",
    );
    await expectRefusedUnchanged(
      async () => deleteShift(await actorOf(f.parent), { householdId: g.householdId, shiftId, version: 0 }),
      "forbidden",
    );
  });
});

describe("unavailability", () => {
  it("without times it covers whole nights; with times, exactly those local times", async () => {
    const { addUnavailability } = await import("@/lib/nights/unavailability");
    const f = await family();
    const a = await actorOf(f.partner);
    const { id } = await addUnavailability(a, {
      householdId: f.householdId,
      caregiverId: f.partnerCg,
      from: "2026-12-01",
      to: "2026-12-02",
    });
    const row = await getDb().unavailability.findUniqueOrThrow({ where: { id } });
    expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual([
      "2026-12-01T19:00:00.000Z",
      "2026-12-03T07:00:00.000Z",
    ]);
    const early = await addUnavailability(a, {
      householdId: f.householdId,
      caregiverId: f.partnerCg,
      from: "2026-12-09",
      to: "2026-12-09",
      fromTime: "05:00",
      toTime: "09:00",
      note: "early train",
    });
    const r2 = await getDb().unavailability.findUniqueOrThrow({ where: { id: early.id } });
    expect([r2.startsAt.toISOString(), r2.endsAt.toISOString(), r2.note]).toEqual([
      "2026-12-09T05:00:00.000Z",
      "2026-12-09T09:00:00.000Z",
      "early train",
    ]);
    await expectRefusedUnchanged(
      () =>
        addUnavailability(a, {
          householdId: f.householdId,
          caregiverId: f.partnerCg,
          from: "2026-12-09",
          to: "2026-12-01",
        }),
      "invalid",
    );
    // A parent (the partner is one) may mark it for someone else; a helper may not.
    await expectRefusedUnchanged(
      async () =>
        addUnavailability(await actorOf(f.helper), {
          householdId: f.householdId,
          caregiverId: f.parentCg,
          from: "2026-12-09",
          to: "2026-12-09",
        }),
      "forbidden",
    );
  });
});

describe("times that DST skips or repeats", () => {
  it("a skipped time moves forward by the gap and the person is told; a repeated one uses the first and says so", async () => {
    const f = await family("Europe/London");
    const a = await actorOf(f.parent);
    const spring = await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2027-03-27",
      start: "01:30",
      end: "07:00",
    });
    expect(spring.notes.map(english)).toEqual([
      "There is no 01:30 that night: the clocks go forward, so it counts from 02:30.",
    ]);
    const s1 = await getDb().shift.findUniqueOrThrow({ where: { id: spring.shiftId } });
    expect(s1.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z"); // 02:30 BST
    const autumn = await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-10-24",
      start: "01:30",
      end: "07:00",
    });
    expect(english(autumn.notes[0]!)).toMatch(/01:30 happens twice/);
    const s2 = await getDb().shift.findUniqueOrThrow({ where: { id: autumn.shiftId } });
    expect(s2.startsAt.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // the first 01:30, still BST
    const ordinary = await createShift(a, {
      householdId: f.householdId,
      caregiverId: f.parentCg,
      nightDate: "2026-12-24",
      start: "19:00",
      end: "07:00",
    });
    expect(ordinary.notes).toEqual([]);
  });
});
