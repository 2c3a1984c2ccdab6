// Connect end to end against the real database: the plan with recurring
// items, idempotent check-offs under a race, undo, skip, removal, the library,
// the hard-night suggestion, history, and bad input that writes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { addPlanItem, removePlanItem } from "@/lib/connect/plan";
import { checkOff, setCheckOffNote, skipPlanItem, uncheck } from "@/lib/connect/check-offs";
import { addActivity, editActivity, ensureBuiltins, getLibrary, setActivityArchived } from "@/lib/connect/activities";
import { acceptSuggestion, dismissSuggestion } from "@/lib/connect/suggestions";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getHistory } from "@/lib/connect/history";
import { getDayPlan, getTodayPlan } from "@/lib/connect/today";
import { getPlanRange } from "@/lib/connect/read-plan";
import { BUILTINS } from "@/lib/connect/library";
import { fromDbDate, toDbDate } from "@/lib/time/local-date";
import { english } from "@/lib/i18n/english";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";

// Thursday 26 November 2026, 11:00 in Berlin (the factories' household zone).
const NOW = new Date("2026-11-26T10:00:00Z");
const TODAY = "2026-11-26";

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let f: TFamily;
let other: TFamily;
let parent: TActor;
let partner: TActor;
let helper: TActor;
let partnerCg: string;
let parentCg: string;

beforeEach(async () => {
  [f, other] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  [parent, partner, helper] = await Promise.all([actorOf(f.parent), actorOf(f.partner), actorOf(f.helper)]);
  [parentCg, partnerCg] = await Promise.all([caregiverIdOf(f.parent), caregiverIdOf(f.partner)]);
});

const plan = (who: TActor, input: Record<string, unknown>) =>
  addPlanItem(who, { householdId: f.householdId, activity: "holding", date: TODAY, ...input }, NOW);

describe("the plan", () => {
  it("a one-off sits on its day, assigned to someone; a weekday rule shows Monday to Friday in the week view", async () => {
    const { planItemId: once } = await plan(parent, {
      activity: "skin-to-skin",
      assigneeId: partnerCg,
      partOfDay: "evening",
    });
    const { planItemId: weekdays } = await plan(helper, {
      activity: "play",
      recurrence: "weekdays",
      date: "2026-11-24",
    });
    const day = await getDayPlan(parent, { householdId: f.householdId, date: TODAY });
    expect(day.items.map((i) => [i.id, english(i.activityName), i.assigneeName, i.partOfDay, i.status])).toEqual([
      [once, "Skin-to-skin", "PartnerA", "evening", "open"],
      [weekdays, "Play and delight", null, "any", "open"],
    ]);
    const week = await getConnectWeek(parent, { householdId: f.householdId, date: TODAY }, NOW);
    expect(week.weekStart).toBe("2026-11-23");
    const onDays = week.plan.days.map((d) => [d.date, d.items.filter((i) => i.id === weekdays).length]);
    expect(onDays).toEqual([
      ["2026-11-23", 0],
      ["2026-11-24", 1],
      ["2026-11-25", 1],
      ["2026-11-26", 1],
      ["2026-11-27", 1],
      ["2026-11-28", 0],
      ["2026-11-29", 0],
    ]);
    expect(week.plan.days.flatMap((d) => d.items.filter((i) => i.id === once).map(() => d.date))).toEqual([TODAY]);
    // Never copied per day: one row each.
    expect(await getDb().planItem.count({ where: { householdId: f.householdId } })).toBe(2);
  });

  it("chosen days and every N days, across a month end", async () => {
    const { planItemId: days } = await plan(parent, { recurrence: "days", weekdays: ["1", "3"], date: "2026-11-26" });
    const { planItemId: every } = await plan(parent, {
      recurrence: "every_n",
      intervalDays: "3",
      date: "2026-11-29",
      until: "2026-12-08",
    });
    const range = await getPlanRange(parent, { householdId: f.householdId, from: "2026-11-26", to: "2026-12-10" }, NOW);
    const datesOf = (id: string) => range.days.filter((d) => d.items.some((i) => i.id === id)).map((d) => d.date);
    expect(datesOf(days)).toEqual(["2026-11-30", "2026-12-02", "2026-12-07", "2026-12-09"]);
    expect(datesOf(every)).toEqual(["2026-11-29", "2026-12-02", "2026-12-05", "2026-12-08"]);
  });

  it("removing: just this day is a skip, from this day on ends the rule and keeps the past, a one-off is deleted", async () => {
    const { planItemId: daily } = await plan(parent, { recurrence: "daily", date: "2026-11-20" });
    await checkOff(parent, { householdId: f.householdId, planItemId: daily, date: "2026-11-21" }, NOW);
    await checkOff(
      parent,
      { householdId: f.householdId, planItemId: daily, date: "2026-11-28" },
      new Date("2026-11-28T10:00:00Z"),
    );
    expect(
      await removePlanItem(
        partner,
        { householdId: f.householdId, planItemId: daily, date: "2026-11-27", scope: "day" },
        NOW,
      ),
    ).toEqual({ removed: "skipped" });
    expect((await getDayPlan(parent, { householdId: f.householdId, date: "2026-11-27" })).items[0]).toMatchObject({
      status: "skipped",
      byName: "PartnerA",
    });
    expect(
      await removePlanItem(
        partner,
        { householdId: f.householdId, planItemId: daily, date: "2026-11-28", scope: "onwards" },
        NOW,
      ),
    ).toEqual({ removed: "ended" });
    const row = await getDb().planItem.findUniqueOrThrow({ where: { id: daily } });
    expect(row.untilDate && fromDbDate(row.untilDate)).toBe("2026-11-27");
    expect((await getDayPlan(parent, { householdId: f.householdId, date: "2026-11-21" })).items[0]?.status).toBe(
      "done",
    );
    expect((await getDayPlan(parent, { householdId: f.householdId, date: "2026-11-28" })).items).toEqual([]);
    expect(await getDb().checkOff.count({ where: { planItemId: daily } })).toBe(2); // the 21st and the skipped 27th; the 28th went with the rule
    // An older screen can't bring the ended days back, or skip a day the item isn't on.
    for (const scope of ["onwards", "day"]) {
      await expectRefusedUnchanged(
        () => removePlanItem(parent, { householdId: f.householdId, planItemId: daily, date: "2026-11-30", scope }, NOW),
        "invalid",
        /isn't on the plan/,
      );
    }
    const still = await getDb().planItem.findUniqueOrThrow({ where: { id: daily } });
    expect(still.untilDate && fromDbDate(still.untilDate)).toBe("2026-11-27");
    const { planItemId: once } = await plan(parent, {});
    expect(
      await removePlanItem(helper, { householdId: f.householdId, planItemId: once, date: TODAY, scope: "day" }, NOW),
    ).toEqual({ removed: "deleted" });
    expect(await getDb().planItem.findUnique({ where: { id: once } })).toBeNull();
  });

  it("publishes plan.changed for the partner's screens", async () => {
    const { planItemId } = await plan(parent, {});
    await checkOff(partner, { householdId: f.householdId, planItemId, date: TODAY }, NOW);
    const events = await getDb().liveEvent.findMany({ where: { householdId: f.householdId, type: "plan.changed" } });
    expect(events.length).toBe(2);
    expect(events.every((e) => e.ids.includes(planItemId))).toBe(true);
  });
});

describe("bad input writes nothing", () => {
  it("an unknown activity, another household's activity or caregiver, a day out of range, a bad rule", async () => {
    const theirs = await addActivity(await actorOf(other.parent), {
      householdId: other.householdId,
      name: "Their song",
    });
    const theirCg = await caregiverIdOf(other.parent);
    await expectRefusedUnchanged(
      () => plan(parent, { activity: "00000000-0000-4000-8000-000000000000" }),
      "invalid",
      /Choose an activity from your library/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { activity: "juggling" }),
      "invalid",
      /Choose an activity from the library/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { activity: theirs.activityId }),
      "invalid",
      /Choose an activity from your library/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { assigneeId: theirCg }),
      "invalid",
      /Choose someone from your household/,
    );
    await expectRefusedUnchanged(() => plan(parent, { date: "2028-01-01" }), "invalid", /within a year of today/);
    await expectRefusedUnchanged(() => plan(parent, { date: "2026-02-30" }), "invalid", /Choose a day/);
    await expectRefusedUnchanged(
      () => plan(parent, { recurrence: "days", weekdays: "" }),
      "invalid",
      /at least one day of the week/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { recurrence: "days", weekdays: ["0", "8"] }),
      "invalid",
      /Monday to Sunday/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { recurrence: "every_n", intervalDays: "0" }),
      "invalid",
      /Repeat every 1 to 60 days/,
    );
    await expectRefusedUnchanged(
      () => plan(parent, { recurrence: "daily", until: "2026-11-01" }),
      "invalid",
      /last day can't be before/,
    );
    await expectRefusedUnchanged(() => plan(parent, { recurrence: "fortnightly" }), "invalid", /how often/);
    await expectRefusedUnchanged(() => plan(parent, { partOfDay: "midnight" }), "invalid", /part of the day/);
  });

  it("another household's plan item, a day it isn't on, a future check-off", async () => {
    const { planItemId: theirs } = await addPlanItem(
      await actorOf(other.parent),
      { householdId: other.householdId, activity: "play", date: TODAY },
      NOW,
    );
    const { planItemId: mine } = await plan(parent, {});
    await expectRefusedUnchanged(
      () => checkOff(parent, { householdId: f.householdId, planItemId: theirs, date: TODAY }, NOW),
      "not_found",
    );
    await expectRefusedUnchanged(
      () => removePlanItem(parent, { householdId: f.householdId, planItemId: theirs, date: TODAY }, NOW),
      "not_found",
    );
    await expectRefusedUnchanged(
      () => checkOff(parent, { householdId: f.householdId, planItemId: mine, date: "2026-11-25" }, NOW),
      "invalid",
      /isn't on the plan/,
    );
    const { planItemId: tomorrow } = await plan(parent, { date: "2026-11-27" });
    await expectRefusedUnchanged(
      () => checkOff(parent, { householdId: f.householdId, planItemId: tomorrow, date: "2026-11-27" }, NOW),
      "invalid",
      /on the day/,
    );
    await expectRefusedUnchanged(
      () => checkOff(parent, { householdId: f.householdId, planItemId: mine, date: "2029-11-26" }, NOW),
      "invalid",
      /within a year/,
    );
    await expectRefusedUnchanged(
      () => setCheckOffNote(parent, { householdId: f.householdId, planItemId: mine, date: TODAY, note: "lovely" }, NOW),
      "not_found",
    );
  });
});

describe("check-offs", () => {
  it("20 caregivers' taps at once make one check-off, and the first one stands", async () => {
    const { planItemId } = await plan(parent, { recurrence: "daily", date: "2026-11-01" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkOff(i % 2 ? partner : parent, { householdId: f.householdId, planItemId, date: TODAY }, NOW),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await getDb().checkOff.count({ where: { planItemId } })).toBe(1);
  });

  it("records who and when; un-check, re-check, a how-it-went line; skip with a reason, then done after all", async () => {
    const { planItemId } = await plan(parent, { assigneeId: partnerCg });
    const ref = { householdId: f.householdId, planItemId, date: TODAY };
    await checkOff(partner, ref, NOW);
    expect((await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items[0]).toMatchObject({
      status: "done",
      byName: "PartnerA",
      at: NOW.toISOString(),
    });
    expect(await uncheck(parent, ref, NOW)).toEqual({ removed: true });
    expect((await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items[0]).toMatchObject({
      status: "open",
      byName: null,
    });
    expect(await uncheck(parent, ref, NOW)).toEqual({ removed: false });
    await checkOff(helper, { ...ref, note: "She laughed at the dog" }, NOW);
    await setCheckOffNote(partner, { ...ref, note: "Giggles all round" }, NOW);
    expect((await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items[0]).toMatchObject({
      status: "done",
      byName: "HelperA",
      note: "Giggles all round",
    });
    await skipPlanItem(parent, { ...ref, reason: "Doctor's visit ran long" }, NOW);
    expect((await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items[0]).toMatchObject({
      status: "skipped",
      byName: "ParentA",
      note: "Doctor's visit ran long",
    });
    await checkOff(partner, ref, NOW);
    expect((await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items[0]).toMatchObject({
      status: "done",
      byName: "PartnerA",
      note: null,
    });
    expect(await getDb().checkOff.count({ where: { planItemId } })).toBe(1);
    expect(parentCg).toBeTruthy();
  });
});

describe("the library", () => {
  it("built-ins appear before any row exists, are created once (even at once), can be hidden and shown, never edited", async () => {
    const lib = await getLibrary(helper, { householdId: f.householdId });
    expect(lib.filter((a) => a.builtin).map((a) => a.ref)).toEqual(BUILTINS.map((b) => b.key));
    await Promise.all([
      ensureBuiltins(getDb(), f.householdId),
      ensureBuiltins(getDb(), f.householdId),
      plan(parent, {}),
    ]);
    expect(await getDb().activity.count({ where: { householdId: f.householdId } })).toBe(BUILTINS.length);
    await setActivityArchived(
      parent,
      { householdId: f.householdId, activity: "babywearing-walk", archived: "true" },
      NOW,
    );
    expect(
      (await getLibrary(parent, { householdId: f.householdId })).find((a) => a.ref === "babywearing-walk")?.archived,
    ).toBe(true);
    await expectRefusedUnchanged(() => plan(parent, { activity: "babywearing-walk" }), "invalid", /hidden/);
    await setActivityArchived(
      parent,
      { householdId: f.householdId, activity: "babywearing-walk", archived: "false" },
      NOW,
    );
    await plan(parent, { activity: "babywearing-walk" });
    const row = await getDb().activity.findFirstOrThrow({
      where: { householdId: f.householdId, builtinKey: "holding" },
    });
    await expectRefusedUnchanged(
      () => editActivity(parent, { householdId: f.householdId, activityId: row.id, version: "0", name: "Hugs" }),
      "invalid",
      /keep their words/,
    );
  });

  it("the household's own: add, edit with a version check, archive; helpers may not", async () => {
    const { activityId } = await addActivity(parent, {
      householdId: f.householdId,
      name: "Bath together",
      why: "Warm water, slow time",
      minutes: "20",
      suits: "before-bed",
    });
    await expectRefusedUnchanged(
      () => addActivity(partner, { householdId: f.householdId, name: "bath TOGETHER" }),
      "invalid",
      /already have/,
    );
    await editActivity(partner, {
      householdId: f.householdId,
      activityId,
      version: "0",
      name: "Bath time together",
      why: "Warm water, slow time",
      minutes: "",
    });
    await expectRefusedUnchanged(
      () => editActivity(parent, { householdId: f.householdId, activityId, version: "0", name: "Bath" }),
      "conflict",
    );
    const mine = (await getLibrary(parent, { householdId: f.householdId })).find((a) => a.id === activityId);
    expect(mine).toMatchObject({
      name: "Bath time together",
      minutes: null,
      why: "Warm water, slow time",
      suits: ["any"],
      version: 1,
      builtin: false,
    });
    await expectRefusedUnchanged(
      () => addActivity(helper, { householdId: f.householdId, name: "Tummy time" }),
      "forbidden",
    );
    await expectRefusedUnchanged(
      () => setActivityArchived(helper, { householdId: f.householdId, activity: activityId, archived: "true" }),
      "forbidden",
    );
    await expectRefusedUnchanged(() => addActivity(parent, { householdId: f.householdId, name: "  " }), "invalid");
    await expectRefusedUnchanged(
      () => addActivity(parent, { householdId: f.householdId, name: "Walk", minutes: "900" }),
      "invalid",
      /At most 600/,
    );
    await setActivityArchived(parent, { householdId: f.householdId, activity: activityId, archived: "true" }, NOW);
    const { planItemId } = await plan(helper, { activity: "sing-read" });
    expect(planItemId).toBeTruthy();
  });
});

describe("after a hard night", () => {
  async function seedNight(wakings: { by: string; start: string; minutes: number }[], tapOutBy?: string) {
    const db = getDb();
    const baby = await db.baby.create({
      data: { householdId: f.householdId, name: "Pip", birthDate: new Date("2026-09-01") },
    });
    const nightDate = toDbDate("2026-11-25");
    await db.waking.createMany({
      data: wakings.map((w) => ({
        householdId: f.householdId,
        babyId: baby.id,
        nightDate,
        responderId: w.by,
        startedAt: new Date(w.start),
        endedAt: new Date(new Date(w.start).getTime() + w.minutes * 60_000),
      })),
    });
    if (tapOutBy)
      await db.tapOut.create({
        data: {
          householdId: f.householdId,
          nightDate,
          requesterId: tapOutBy,
          requestedAt: new Date("2026-11-26T01:00:00Z"),
        },
      });
  }

  it("a quiet night suggests nothing, and accepting is refused", async () => {
    await seedNight([{ by: parentCg, start: "2026-11-25T23:00:00Z", minutes: 15 }]);
    expect((await getConnectDay(parent, { householdId: f.householdId }, NOW)).suggestion).toBeNull();
    await expectRefusedUnchanged(
      () => acceptSuggestion(parent, { householdId: f.householdId, date: TODAY, kind: "repair" }, NOW),
      "invalid",
      /no suggestion/,
    );
  });

  it("four wakings: repair and a rest morning for the one who carried it, each taken once in one tap", async () => {
    await seedNight([
      { by: parentCg, start: "2026-11-25T20:00:00Z", minutes: 20 },
      { by: parentCg, start: "2026-11-25T23:00:00Z", minutes: 25 },
      { by: parentCg, start: "2026-11-26T01:00:00Z", minutes: 30 },
      { by: partnerCg, start: "2026-11-26T04:00:00Z", minutes: 10 },
    ]);
    // Not while that night is still going (02:30, before its 07:00 end): only once it is over.
    const during = new Date("2026-11-26T02:30:00Z");
    expect((await getConnectDay(partner, { householdId: f.householdId, date: TODAY }, during)).suggestion).toBeNull();
    const day = await getConnectDay(partner, { householdId: f.householdId, date: TODAY }, NOW);
    expect(day.suggestion).toMatchObject({ tiredName: "ParentA" });
    expect(english(day.suggestion!.summary)).toBe("4 wakings");
    expect(day.suggestion?.offers.map((o) => [o.kind, o.decision, o.helperName])).toEqual([
      ["repair", null, null],
      ["rest", null, "PartnerA"],
    ]);
    // Not offered on another day.
    expect(
      (await getConnectDay(partner, { householdId: f.householdId, date: "2026-11-27" }, NOW)).suggestion,
    ).toBeNull();

    const both = await Promise.all([
      acceptSuggestion(partner, { householdId: f.householdId, date: TODAY, kind: "repair" }, NOW),
      acceptSuggestion(parent, { householdId: f.householdId, date: TODAY, kind: "repair" }, NOW),
    ]);
    expect(both.filter((r) => r.planItemId)).toHaveLength(1);
    await acceptSuggestion(partner, { householdId: f.householdId, date: TODAY, kind: "rest" }, NOW);
    const items = (await getDayPlan(parent, { householdId: f.householdId, date: TODAY })).items;
    expect(items.map((i) => [i.builtinKey, i.assigneeName, i.partOfDay, i.origin])).toEqual([
      ["take-the-morning", "PartnerA", "morning", "after-hard-night"],
      ["repair", null, "any", "after-hard-night"],
    ]);
    expect(english(items[0]!.planNote!)).toBe("So ParentA can rest after the night.");
    expect(english(items[1]!.planNote!)).toBe("After a hard night: name what happened, then reconnect.");
    // The household's data keeps the English words (exports, imports); the screens get the reader's language.
    expect(
      (await getDb().planItem.findUniqueOrThrow({ where: { id: items[0]!.id }, select: { note: true } })).note,
    ).toBe("So ParentA can rest after the night.");
    const after = await getConnectDay(parent, { householdId: f.householdId, date: TODAY }, NOW);
    expect(after.suggestion?.offers.map((o) => o.decision)).toEqual(["accepted", "accepted"]);
  });

  it("a tap-out alone is enough; a suggestion can be put away", async () => {
    await seedNight([{ by: partnerCg, start: "2026-11-26T02:00:00Z", minutes: 10 }], partnerCg);
    const day = await getConnectDay(parent, { householdId: f.householdId, date: TODAY }, NOW);
    expect(day.suggestion).toMatchObject({ tiredName: "PartnerA" });
    expect(english(day.suggestion!.summary)).toBe("A call for help");
    expect(day.suggestion?.offers.find((o) => o.kind === "rest")?.helperName).toBe("ParentA");
    await dismissSuggestion(helper, { householdId: f.householdId, date: TODAY, kind: "rest" }, NOW);
    await dismissSuggestion(parent, { householdId: f.householdId, date: TODAY, kind: "rest" }, NOW);
    expect(await acceptSuggestion(parent, { householdId: f.householdId, date: TODAY, kind: "rest" }, NOW)).toEqual({
      planItemId: null,
    });
    expect(await getDb().planItem.count({ where: { householdId: f.householdId } })).toBe(0);
    expect(await getDb().planSuggestion.count({ where: { householdId: f.householdId } })).toBe(1);
  });
});

describe("history", () => {
  it("counts days with a moment over the last two weeks, and says who did what", async () => {
    const { planItemId } = await plan(parent, { recurrence: "daily", date: "2026-11-01" });
    for (const d of ["2026-11-10", "2026-11-13", "2026-11-20", "2026-11-26"]) {
      await checkOff(d === "2026-11-20" ? partner : parent, { householdId: f.householdId, planItemId, date: d }, NOW);
    }
    await skipPlanItem(
      parent,
      { householdId: f.householdId, planItemId, date: "2026-11-25", reason: "Poorly day" },
      NOW,
    );
    const h = await getHistory(helper, { householdId: f.householdId }, NOW);
    expect(h.count).toEqual({ daysWith: 3, of: 14 });
    expect(h.days[0]).toMatchObject({ date: TODAY, moments: [{ byName: "ParentA", status: "done" }] });
    expect(h.days[0]?.moments.map((m) => english(m.activityName))).toEqual(["Holding and cuddling"]);
    expect(h.days[1]?.moments[0]).toMatchObject({ status: "skipped", note: "Poorly day" });
    expect((await getConnectDay(parent, { householdId: f.householdId }, NOW)).moments).toEqual({ daysWith: 3, of: 14 });
  });
});

describe("reads are for members only", () => {
  it("another household's parent and a signed-out visitor are refused every view", async () => {
    const outsider = await actorOf(other.parent);
    for (const read of [
      (a: TActor | null) => getDayPlan(a, { householdId: f.householdId, date: TODAY }),
      (a: TActor | null) => getTodayPlan(a, { householdId: f.householdId }, NOW),
      (a: TActor | null) => getConnectDay(a, { householdId: f.householdId, date: TODAY }, NOW),
      (a: TActor | null) => getConnectWeek(a, { householdId: f.householdId, date: TODAY }, NOW),
      (a: TActor | null) => getPlanRange(a, { householdId: f.householdId, from: TODAY, to: TODAY }, NOW),
      (a: TActor | null) => getHistory(a, { householdId: f.householdId }, NOW),
      (a: TActor | null) => getLibrary(a, { householdId: f.householdId }),
    ]) {
      await expect(read(outsider)).rejects.toMatchObject({ code: "forbidden" });
      await expect(read(null)).rejects.toMatchObject({ code: "unauthenticated" });
    }
  });

  it("a range too long, or backwards, is refused", async () => {
    await expect(
      getPlanRange(parent, { householdId: f.householdId, from: "2026-11-01", to: "2026-12-31" }, NOW),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(
      getPlanRange(parent, { householdId: f.householdId, from: "2026-11-02", to: "2026-11-01" }, NOW),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(getDayPlan(parent, { householdId: f.householdId, date: "tomorrow" })).rejects.toMatchObject({
      code: "invalid",
    });
  });
});
