// Connect's day and week views (and Tonight's card) read a fixed number of
// SQL statements however many recurring items and years of check-offs the
// household has: shown with one item and with ~50 recurring items, hundreds
// of old one-offs and three years of check-offs.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getTodayPlan } from "@/lib/connect/today";
import { getHistory } from "@/lib/connect/history";
import { ensureBuiltins } from "@/lib/connect/activities";
import { occursOn } from "@/lib/connect/recurrence";
import { getUnreadNotes } from "@/lib/notes/read-notes";
import { householdDetails } from "@/lib/household/details";
import { countQueries, inOneRender } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { addDays, datesBetween, fromDbDate, toDbDate } from "@/lib/time/local-date";

const NOW = new Date("2026-11-26T10:00:00Z");
const TODAY = "2026-11-26";

describe("connect views stay cheap as the plan and its history grow", () => {
  let f: Awaited<ReturnType<typeof makeFamily>>;
  beforeAll(async () => {
    f = await makeFamily("Q");
  });

  it("day, week, Tonight's card and history: the same number of queries with one item and with three years", async () => {
    const db = getDb();
    const actor = await actorOf(f.parent);
    const cgs = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner)];
    await ensureBuiltins(db, f.householdId);
    const acts = await db.activity.findMany({ where: { householdId: f.householdId }, select: { id: true } });
    await db.planItem.create({
      data: {
        householdId: f.householdId,
        activityId: acts[0]!.id,
        startDate: toDbDate(TODAY),
        untilDate: toDbDate(TODAY),
      },
    });

    // Connect's day page as composed: the shell (cached details, unread badge) and the day view.
    const dayPage = () =>
      Promise.all([
        householdDetails(f.householdId),
        getUnreadNotes(actor, { householdId: f.householdId }),
        getConnectDay(actor, { householdId: f.householdId, date: TODAY }, NOW),
      ]).then(([, , day]) => day);
    const measure = async () => ({
      day: await countQueries(() => getConnectDay(actor, { householdId: f.householdId, date: TODAY }, NOW)),
      page: await countQueries(dayPage),
      week: await countQueries(() => getConnectWeek(actor, { householdId: f.householdId, date: TODAY }, NOW)),
      card: await countQueries(() => getTodayPlan(actor, { householdId: f.householdId }, NOW)),
      history: await countQueries(() => getHistory(actor, { householdId: f.householdId }, NOW)),
    });
    const small = await measure();

    // ~50 recurring items over three years (most ended), a one-off most days, and every occurrence checked off.
    const first = addDays(TODAY, -3 * 365);
    const recurrences = ["daily", "weekdays", "days", "every_n"] as const;
    const items = Array.from({ length: 50 }, (_, i) => {
      const startDate = addDays(first, i * 20);
      const recurrence = recurrences[i % 4]!;
      return {
        householdId: f.householdId,
        activityId: acts[i % acts.length]!.id,
        startDate: toDbDate(startDate),
        untilDate: i % 5 === 4 ? null : toDbDate(addDays(startDate, 60)),
        recurrence,
        weekdays: recurrence === "days" ? [1, 3, 5] : [],
        intervalDays: recurrence === "every_n" ? 3 : null,
        assigneeId: i % 3 === 2 ? null : cgs[i % 2]!,
      };
    });
    const oneOffs = datesBetween(first, addDays(TODAY, -1))
      .filter((_, i) => i % 2 === 0)
      .map((d, i) => ({
        householdId: f.householdId,
        activityId: acts[i % acts.length]!.id,
        startDate: toDbDate(d),
        untilDate: toDbDate(d),
        recurrence: "once" as const,
      }));
    await db.planItem.createMany({ data: [...items, ...oneOffs] });
    const rows = await db.planItem.findMany({
      where: { householdId: f.householdId },
      select: { id: true, startDate: true, untilDate: true, recurrence: true, weekdays: true, intervalDays: true },
    });
    const checks = [];
    for (const r of rows) {
      const rule = {
        ...r,
        startDate: fromDbDate(r.startDate),
        untilDate: r.untilDate ? fromDbDate(r.untilDate) : null,
      };
      const end = rule.untilDate && rule.untilDate < TODAY ? rule.untilDate : addDays(TODAY, -1);
      for (const d of datesBetween(rule.startDate, end)) {
        if (occursOn(rule, d) && d.charCodeAt(9) % 3 !== 0)
          checks.push({
            householdId: f.householdId,
            planItemId: r.id,
            date: toDbDate(d),
            byId: cgs[d.charCodeAt(9) % 2]!,
            at: new Date(`${d}T09:00:00Z`),
          });
      }
    }
    for (let i = 0; i < checks.length; i += 5000) await db.checkOff.createMany({ data: checks.slice(i, i + 5000) });
    expect(rows.length).toBeGreaterThan(500);
    expect(checks.length).toBeGreaterThan(3000);

    const big = await measure();
    console.log(
      `Connect's day page in one render: ${inOneRender(small.page.sql)} → ${inOneRender(big.page.sql)} statements`,
    );
    console.log(
      `queries (1 item → ${rows.length} items, ${checks.length} check-offs): day ${small.day.queries} → ${big.day.queries}, week ${small.week.queries} → ${big.week.queries}, Tonight card ${small.card.queries} → ${big.card.queries}, history ${small.history.queries} → ${big.history.queries}`,
    );
    expect(small.day.queries).toBeGreaterThan(2); // the counter itself works
    expect(big.day.queries).toBe(small.day.queries);
    expect(big.week.queries).toBe(small.week.queries);
    expect(big.card.queries).toBe(small.card.queries);
    expect(big.history.queries).toBe(small.history.queries);
    expect(inOneRender(big.page.sql)).toBe(inOneRender(small.page.sql));
    expect(inOneRender(big.page.sql)).toBeLessThanOrEqual(8);
    expect(big.page.result).toEqual(big.day.result);
    expect(big.day.queries).toBeLessThanOrEqual(8);
    expect(big.week.queries).toBeLessThanOrEqual(7);
    // And they are right: the open-ended recurring items reach this week.
    expect(big.week.result.plan.days).toHaveLength(7);
    expect(big.week.result.plan.days.some((d) => d.items.length > 1)).toBe(true);
    expect(big.day.result.plan.caregivers.map((c) => c.id)).toEqual(
      (await db.caregiver.findMany({ where: { householdId: f.householdId }, orderBy: { joinedAt: "asc" } })).map(
        (c) => c.id,
      ),
    );
    expect(big.day.result.plan.days[0]!.items.filter((i) => i.assigneeId).every((i) => i.assigneeName)).toBe(true);
    expect(big.history.result.count.daysWith).toBeGreaterThan(0);
  });
});
