// The chosen range is aggregated by Postgres (lib/balance/range-sql.ts); the
// pure functions (lib/balance/metrics.ts) are the reference. Same data, same
// figures: nights across both DST changes, twins waking together, tap-outs
// answered or not, split and swapped nights, a waking still open.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { nightFigures, type TCaregiverIn, type TNightIn } from "@/lib/balance/metrics";
import { rangeFigures } from "@/lib/balance/range-sql";
import { nightWindow } from "@/lib/nights/night-window";
import { caregiverIdOf, makeFamily } from "../helpers/factories";
import { addDays, fromDbDate, toDbDate } from "@/lib/time/local-date";

const TZ = "Europe/Berlin";
const MIN = 60_000;

describe("range figures in SQL agree with the pure functions", () => {
  let householdId: string;
  let caregivers: TCaregiverIn[];
  let nights: TNightIn[];
  const now = new Date("2026-11-20T12:00:00Z");

  beforeAll(async () => {
    const f = await makeFamily("R");
    householdId = f.householdId;
    const db = getDb();
    const [p, q, hlp] = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner), await caregiverIdOf(f.helper)];
    caregivers = [
      { id: p, role: "parent" },
      { id: q, role: "parent" },
      { id: hlp, role: "helper" },
    ];
    const twinA = await db.baby.create({ data: { householdId, name: "Ada", birthDate: new Date("2026-01-01") } });
    const twinB = await db.baby.create({ data: { householdId, name: "Bo", birthDate: new Date("2026-01-01") } });
    let seed = 11;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    nights = [];
    let openUsed = false;
    const shifts = [];
    const wakings = [];
    const tapOuts = [];
    // Around both changes of 2026 in Berlin (29 March, 25 October), and the weeks before "now".
    const dates = [
      ...Array.from({ length: 6 }, (_, i) => addDays("2026-03-26", i)),
      ...Array.from({ length: 30 }, (_, i) => addDays("2026-10-20", i)),
    ];
    for (const date of dates) {
      const w = nightWindow(date, TZ, 19 * 60, 7 * 60);
      nights.push({ date, start: w.start, end: w.end });
      const night = toDbDate(date);
      const who = caregivers[Math.floor(rand() * 3)]!.id;
      if (rand() < 0.3) {
        const mid = new Date(w.start.getTime() + (1 + Math.floor(rand() * 10)) * 60 * MIN);
        shifts.push({
          householdId,
          caregiverId: p,
          nightDate: night,
          startsAt: w.start,
          endsAt: mid,
          source: "manual" as const,
        });
        if (mid < w.end)
          shifts.push({
            householdId,
            caregiverId: q,
            nightDate: night,
            startsAt: mid,
            endsAt: w.end,
            source: "manual" as const,
          });
      } else if (rand() < 0.9) {
        shifts.push({
          householdId,
          caregiverId: who,
          nightDate: night,
          startsAt: w.start,
          endsAt: w.end,
          source: "rota" as const,
        });
      }
      const count = Math.floor(rand() * 4);
      for (let k = 0; k < count; k++) {
        const startedAt = new Date(w.start.getTime() + Math.floor(rand() * 700) * MIN);
        const responderId = caregivers[Math.floor(rand() * 3)]!.id;
        const endedAt =
          rand() < 0.05 && !openUsed && (openUsed = true)
            ? null
            : new Date(startedAt.getTime() + Math.floor(5 + rand() * 50) * MIN);
        wakings.push({ householdId, babyId: twinA.id, responderId, nightDate: night, startedAt, endedAt });
        // Twins: the other wakes too, overlapping, often with the same person.
        if (rand() < 0.4) {
          const s2 = new Date(startedAt.getTime() + Math.floor(rand() * 20) * MIN);
          wakings.push({
            householdId,
            babyId: twinB.id,
            responderId: rand() < 0.7 ? responderId : p,
            nightDate: night,
            startedAt: s2,
            endedAt: new Date(s2.getTime() + 25 * MIN),
          });
        }
        if (rand() < 0.3) {
          const requesterId = responderId;
          const r = rand();
          const other = caregivers.find((c) => c.id !== requesterId && c.role === "parent")!.id;
          tapOuts.push({
            householdId,
            nightDate: night,
            requesterId,
            requestedAt: new Date(startedAt.getTime() + 3 * MIN),
            answer: r < 0.5 ? ("coming" as const) : r < 0.75 ? ("cant" as const) : null,
            answeredById: r < 0.75 ? other : null,
            answeredAt: r < 0.75 ? new Date(startedAt.getTime() + 4 * MIN) : null,
          });
        }
      }
    }
    // One open waking on a night still going at "now" is not possible here; one on the last night counts up to its end.
    await db.shift.createMany({ data: shifts });
    await db.waking.createMany({ data: wakings });
    await db.tapOut.createMany({ data: tapOuts });
  });

  it("every caregiver, every night", async () => {
    const db = getDb();
    const [shifts, wakings, tapOuts] = await Promise.all([
      db.shift.findMany({ where: { householdId } }),
      db.waking.findMany({ where: { householdId } }),
      db.tapOut.findMany({ where: { householdId } }),
    ]);
    const pure = nightFigures({
      nights,
      caregivers,
      now,
      shifts: shifts.map((s) => ({ ...s, night: fromDbDate(s.nightDate) })),
      wakings: wakings.map((w) => ({ ...w, night: fromDbDate(w.nightDate) })),
      tapOuts: tapOuts.map((t) => ({ ...t, night: fromDbDate(t.nightDate) })),
    });
    const sql = await rangeFigures(
      { householdId, caregiverId: caregivers[0]!.id, role: "parent", userId: "", name: "", email: "" },
      nights,
      caregivers,
      now,
    );
    expect(sql).toHaveLength(pure.length);
    expect(pure.some((f) => f.tapOutsAnswered > 0) && pure.some((f) => f.awakeMinutes > 0)).toBe(true);
    for (let i = 0; i < pure.length; i++) {
      const a = pure[i]!;
      const b = sql[i]!;
      expect({
        night: b.night,
        cg: b.caregiverId,
        onDuty: b.onDuty,
        wakings: b.wakings,
        asked: b.tapOutsAsked,
        answered: b.tapOutsAnswered,
      }).toEqual({
        night: a.night,
        cg: a.caregiverId,
        onDuty: a.onDuty,
        wakings: a.wakings,
        asked: a.tapOutsAsked,
        answered: a.tapOutsAnswered,
      });
      expect(b.dutyMinutes).toBeCloseTo(a.dutyMinutes, 6);
      expect(b.awakeMinutes).toBeCloseTo(a.awakeMinutes, 6);
      if (a.protectedMinutes === null) expect(b.protectedMinutes, `${a.night} ${a.caregiverId}`).toBeNull();
      else expect(b.protectedMinutes, `${a.night} ${a.caregiverId}`).toBeCloseTo(a.protectedMinutes, 6);
    }
    // The DST nights: 11 and 13 hours for a night nobody touched.
    const spring = nights.find((n) => n.date === "2026-03-28")!;
    const autumn = nights.find((n) => n.date === "2026-10-24")!;
    expect((spring.end.getTime() - spring.start.getTime()) / 3600_000).toBe(11);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3600_000).toBe(13);
  });
});
