// "While you were asleep": built from the night's data for whoever was off
// duty (wholly or partly), shown in the day after, until put away; and the
// one-tap thank-you, one per night per pair.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { dismissSummary, getMorningSummary } from "@/lib/notes/summary";
import { createNote } from "@/lib/notes/notes";
import { getUnseenThanks, markThanksSeen, sendThanks } from "@/lib/notes/thanks";
import { nightWindow } from "@/lib/nights/night-window";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";
import { instantAt } from "@/lib/time/local-time";
import { toDbDate } from "@/lib/time/local-date";

const TZ = "Europe/Berlin"; // the factories' household: 19:00–07:00
const NIGHT = "2026-11-20";
const at = (date: string, hh: number, mm = 0) => instantAt(date, hh * 60 + mm, TZ);
const d = toDbDate;

let f: Awaited<ReturnType<typeof makeFamily>>;
let parent: TActor, partner: TActor;
let parentCg: string, partnerCg: string;

async function shift(caregiverId: string, date: string, start: Date, end: Date) {
  return getDb().shift.create({
    data: {
      householdId: f.householdId,
      caregiverId,
      nightDate: d(date),
      startsAt: start,
      endsAt: end,
      source: "manual",
    },
  });
}

beforeEach(async () => {
  f = await makeFamily("S");
  [parent, partner] = await Promise.all([actorOf(f.parent), actorOf(f.partner)]);
  [parentCg, partnerCg] = await Promise.all([caregiverIdOf(f.parent), caregiverIdOf(f.partner)]);
  const db = getDb();
  // Members since before the night (notes written before someone joined are never "new" to them).
  await db.caregiver.updateMany({
    where: { householdId: f.householdId },
    data: { joinedAt: new Date("2026-01-01T00:00:00Z") },
  });
  const baby = await db.baby.create({
    data: { householdId: f.householdId, name: "Robin", birthDate: new Date("2026-08-01") },
  });
  const w = nightWindow(NIGHT, TZ, 19 * 60, 7 * 60);
  const s = await shift(partnerCg, NIGHT, w.start, w.end);
  await db.waking.createMany({
    data: [
      {
        householdId: f.householdId,
        babyId: baby.id,
        responderId: partnerCg,
        nightDate: d(NIGHT),
        startedAt: at("2026-11-21", 2, 10),
        endedAt: at("2026-11-21", 2, 35),
        helped: ["rock"],
      },
      {
        householdId: f.householdId,
        babyId: baby.id,
        responderId: partnerCg,
        nightDate: d(NIGHT),
        startedAt: at("2026-11-21", 4, 50),
        endedAt: at("2026-11-21", 5, 5),
        helped: ["bottle", "hold"],
        note: "Teething",
      },
      // another night's waking must not appear
      {
        householdId: f.householdId,
        babyId: baby.id,
        responderId: parentCg,
        nightDate: d("2026-11-19"),
        startedAt: at("2026-11-20", 3, 0),
        endedAt: at("2026-11-20", 3, 20),
        helped: [],
      },
    ],
  });
  await db.tapOut.create({
    data: {
      householdId: f.householdId,
      nightDate: d(NIGHT),
      requesterId: partnerCg,
      requestedAt: at("2026-11-21", 4, 55),
      answer: "coming",
      answeredById: parentCg,
      answeredAt: at("2026-11-21", 4, 57),
    },
  });
  await createNote(
    partner,
    {
      householdId: f.householdId,
      kind: "handoff",
      nightDate: NIGHT,
      shiftId: s.id,
      body: "Fed at 2, she liked the rocking chair",
    },
    at("2026-11-21", 6, 40),
  );
  await createNote(
    partner,
    { householdId: f.householdId, body: "I'm wiped, can you take the morning?" },
    at("2026-11-21", 5, 30),
  );
  await createNote(partner, { householdId: f.householdId, body: "From the evening before" }, at("2026-11-20", 12, 0));
});

describe("the morning summary", () => {
  it("shows the night's wakings, tap-outs and notes to the one who slept, in the day after", async () => {
    const s = await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-21", 9, 0));
    expect(s).not.toBeNull();
    expect(s!.night).toBe(NIGHT);
    expect(s!.wakings.map((w) => [w.startedAt, w.responderName, w.helped])).toEqual([
      [at("2026-11-21", 2, 10).toISOString(), "PartnerS", ["rock"]],
      [at("2026-11-21", 4, 50).toISOString(), "PartnerS", ["bottle", "hold"]],
    ]);
    expect(s!.tapOuts).toMatchObject([{ requesterName: "PartnerS", answer: "coming", answeredByName: "ParentS" }]);
    expect(s!.notes.map((n) => n.body)).toEqual([
      "I'm wiped, can you take the morning?",
      "Fed at 2, she liked the rocking chair",
    ]);
    expect(s!.notes.every((n) => n.unread)).toBe(true);
    expect(s!.thank).toEqual([{ id: partnerCg, name: "PartnerS", thanked: false }]);
    expect(s!.plan).toEqual({ date: "2026-11-21", items: [] });
  });

  it("is not shown during the night, to whoever had the whole night, or after it was put away", async () => {
    expect(await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-21", 3, 0))).toBeNull();
    expect(await getMorningSummary(partner, { householdId: f.householdId }, at("2026-11-21", 9, 0))).toBeNull();
    // Evening: the next night has begun.
    expect(await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-21", 19, 30))).toBeNull();
    await dismissSummary(parent, { householdId: f.householdId }, at("2026-11-21", 9, 5));
    expect(await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-21", 11, 0))).toBeNull();
    // After the next night (the partner's again) it comes back.
    const next = nightWindow("2026-11-21", TZ, 19 * 60, 7 * 60);
    await shift(partnerCg, "2026-11-21", next.start, next.end);
    expect(await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-22", 8, 0))).not.toBeNull();
  });

  it("is shown to someone who had part of the night", async () => {
    const w = nightWindow("2026-11-21", TZ, 19 * 60, 7 * 60);
    const mid = at("2026-11-22", 1, 0);
    await shift(parentCg, "2026-11-21", w.start, mid);
    await shift(partnerCg, "2026-11-21", mid, w.end);
    const s = await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-22", 8, 0));
    expect(s?.shifts.map((x) => [x.name, x.isMe])).toEqual([
      ["ParentS", true],
      ["PartnerS", false],
    ]);
    expect(s?.thank.map((t) => t.name)).toEqual(["PartnerS"]);
  });

  it("one-tap thanks: idempotent, reaches the partner, who puts it away", async () => {
    expect(await sendThanks(parent, { householdId: f.householdId, toId: partnerCg, nightDate: NIGHT })).toEqual({
      sent: true,
    });
    const [again] = await Promise.all([
      sendThanks(parent, { householdId: f.householdId, toId: partnerCg, nightDate: NIGHT }),
      sendThanks(parent, { householdId: f.householdId, toId: partnerCg, nightDate: NIGHT }),
    ]);
    expect(again).toEqual({ sent: false });
    expect(await getDb().appreciation.count({ where: { householdId: f.householdId } })).toBe(1);
    const s = await getMorningSummary(parent, { householdId: f.householdId }, at("2026-11-21", 9, 0));
    expect(s!.thank).toEqual([{ id: partnerCg, name: "PartnerS", thanked: true }]);

    expect((await getUnseenThanks(partner, { householdId: f.householdId })).map((t) => [t.fromName, t.night])).toEqual([
      ["ParentS", NIGHT],
    ]);
    expect(await getUnseenThanks(parent, { householdId: f.householdId })).toEqual([]);
    expect(await markThanksSeen(partner, { householdId: f.householdId })).toEqual({ seen: 1 });
    expect(await getUnseenThanks(partner, { householdId: f.householdId })).toEqual([]);

    await expectRefusedUnchanged(
      () => sendThanks(parent, { householdId: f.householdId, toId: parentCg, nightDate: NIGHT }),
      "invalid",
      /someone else/,
    );
    await expectRefusedUnchanged(
      () => sendThanks(parent, { householdId: f.householdId, toId: partnerCg, nightDate: "last night" }),
      "invalid",
    );
  });
});
