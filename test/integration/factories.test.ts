// The test factories (test/helpers/factories.ts): local dates and wall-clock
// times read in the household's zone and night window, with defaults a test
// can lean on.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  caregiverIdOf,
  makeBaby,
  makeFamily,
  makeNote,
  makePlanItem,
  makeShift,
  makeWaking,
} from "../helpers/factories";

describe("factories", () => {
  it("makeShift: the household's night window by default, times after midnight on the next day", async () => {
    const f = await makeFamily(); // Europe/Berlin, 19:00–07:00
    const cg = await caregiverIdOf(f.parent);
    const whole = await makeShift(f.householdId, cg, { night: "2026-12-01" });
    expect(whole).toMatchObject({
      householdId: f.householdId,
      caregiverId: cg,
      nightDate: new Date("2026-12-01T00:00:00Z"),
      startsAt: new Date("2026-12-01T18:00:00Z"),
      endsAt: new Date("2026-12-02T06:00:00Z"),
      source: "rota",
    });
    const firstHalf = await makeShift(f.householdId, cg, { night: "2026-12-03", end: "02:00" });
    expect([firstHalf.startsAt, firstHalf.endsAt]).toEqual([
      new Date("2026-12-03T18:00:00Z"),
      new Date("2026-12-04T01:00:00Z"),
    ]);
    const secondHalf = await makeShift(f.householdId, cg, { night: "2026-12-03", start: "02:00", source: "manual" });
    expect([secondHalf.startsAt, secondHalf.endsAt, secondHalf.source]).toEqual([
      new Date("2026-12-04T01:00:00Z"),
      new Date("2026-12-04T06:00:00Z"),
      "manual",
    ]);
  });

  it("makeShift: a night across the clocks going back is 13 hours long", async () => {
    const f = await makeFamily();
    const s = await makeShift(f.householdId, await caregiverIdOf(f.parent), { night: "2026-10-24" });
    expect(s.startsAt).toEqual(new Date("2026-10-24T17:00:00Z")); // 19:00 CEST
    expect(s.endsAt).toEqual(new Date("2026-10-25T06:00:00Z")); // 07:00 CET
  });

  it("makeWaking: the first baby (made if needed), 03:00 for 20 minutes unless told, or left open", async () => {
    const f = await makeFamily();
    const cg = await caregiverIdOf(f.partner);
    const w = await makeWaking(f.householdId, cg, { night: "2026-12-01", helped: ["rock"] });
    const babies = await getDb().baby.findMany({ where: { householdId: f.householdId } });
    expect(babies.map((b) => b.name)).toEqual(["Pip"]);
    expect(w).toMatchObject({
      babyId: babies[0]!.id,
      responderId: cg,
      nightDate: new Date("2026-12-01T00:00:00Z"),
      startedAt: new Date("2026-12-02T02:00:00Z"),
      endedAt: new Date("2026-12-02T02:20:00Z"),
      helped: ["rock"],
      cryingAt: null,
    });
    const wren = await makeBaby(f.householdId, { name: "Wren" });
    const open = await makeWaking(f.householdId, cg, {
      night: "2026-12-01",
      at: "22:30",
      minutes: null,
      babyId: wren.id,
      cryingFor: 5,
    });
    expect(open).toMatchObject({
      babyId: wren.id,
      startedAt: new Date("2026-12-01T21:30:00Z"),
      endedAt: null,
      cryingAt: new Date("2026-12-01T21:25:00Z"),
    });
    expect(await getDb().baby.count({ where: { householdId: f.householdId } })).toBe(2);
  });

  it("makeNote: a plain note by default; a handoff note belongs to a night", async () => {
    const f = await makeFamily();
    const cg = await caregiverIdOf(f.parent);
    const note = await makeNote(f.householdId, cg);
    expect(note).toMatchObject({ kind: "note", authorId: cg, nightDate: null, pinnedAt: null });
    expect(note.body.length).toBeGreaterThan(0);
    const at = new Date("2026-12-01T21:00:00Z");
    const shift = await makeShift(f.householdId, cg, { night: "2026-12-01" });
    const handoff = await makeNote(f.householdId, cg, {
      kind: "handoff",
      night: "2026-12-01",
      shiftId: shift.id,
      body: "Gel on the shelf",
      pinned: true,
      at,
    });
    expect(handoff).toMatchObject({
      kind: "handoff",
      body: "Gel on the shelf",
      nightDate: new Date("2026-12-01T00:00:00Z"),
      shiftId: shift.id,
      pinnedAt: at,
      createdAt: at,
    });
    await expect(makeNote(f.householdId, cg, { kind: "handoff" })).rejects.toThrow(/needs its night/);
  });

  it("makePlanItem: a one-off ends on its day; a rule runs on until told", async () => {
    const f = await makeFamily();
    const once = await makePlanItem(f.householdId, { date: "2026-12-01" });
    expect(once).toMatchObject({
      startDate: new Date("2026-12-01T00:00:00Z"),
      untilDate: new Date("2026-12-01T00:00:00Z"),
      recurrence: "once",
      weekdays: [],
      intervalDays: null,
      partOfDay: "any",
      assigneeId: null,
    });
    const activity = await getDb().activity.findUniqueOrThrow({ where: { id: once.activityId } });
    expect(activity).toMatchObject({ householdId: f.householdId, name: "Bath together" });
    const cg = await caregiverIdOf(f.partner);
    const days = await makePlanItem(f.householdId, {
      date: "2026-12-01",
      activityId: once.activityId,
      recurrence: "days",
      weekdays: [1, 4],
      partOfDay: "evening",
      assigneeId: cg,
    });
    expect(days).toMatchObject({
      activityId: once.activityId,
      untilDate: null,
      recurrence: "days",
      weekdays: [1, 4],
      partOfDay: "evening",
      assigneeId: cg,
    });
    const every = await makePlanItem(f.householdId, {
      date: "2026-12-01",
      recurrence: "every_n",
      until: "2026-12-31",
      activity: "Walk",
    });
    expect(every).toMatchObject({ intervalDays: 2, untilDate: new Date("2026-12-31T00:00:00Z") });
  });
});
