// Connect actions: refused to signed-out visitors and to members of other
// households (even with their own household id and our row ids), and to
// helpers where only parents may act (the library); nothing is written.
// And the route the browser reads today's plan through.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import {
  acceptSuggestionAction,
  addActivityAction,
  addPlanItemAction,
  archiveActivityAction,
  checkOffAction,
  checkOffNoteAction,
  dismissSuggestionAction,
  editActivityAction,
  removePlanItemAction,
  skipPlanItemAction,
  uncheckAction,
} from "@/lib/connect/actions";
import { GET as today } from "@/app/api/connect/today/route";
import { caregiverIdOf, dumpTables, makeFamily, signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";
import { describeActionCases, viaForm } from "../helpers/refused";
import { addDays, localDateOf, toDbDate } from "@/lib/time/local-date";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = {
  a: TFamily;
  b: TFamily;
  today: string;
  itemId: string;
  doneItemId: string;
  activityId: string;
  parentCg: string;
};
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const [parentCg, partnerCg] = [await caregiverIdOf(a.parent), await caregiverIdOf(a.partner)];
  const db = getDb();
  // The actions take "now" from the real clock (the test clock cookie is not set): today in the household's zone.
  const today = localDateOf(new Date(), "Europe/Berlin");
  const activity = await db.activity.create({
    data: { householdId: a.householdId, name: "Bath together", suits: ["any"] },
  });
  const item = await db.planItem.create({
    data: {
      householdId: a.householdId,
      activityId: activity.id,
      startDate: toDbDate(addDays(today, -5)),
      recurrence: "daily",
    },
  });
  const doneItem = await db.planItem.create({
    data: {
      householdId: a.householdId,
      activityId: activity.id,
      startDate: toDbDate(today),
      untilDate: toDbDate(today),
      recurrence: "once",
    },
  });
  await db.checkOff.create({
    data: { householdId: a.householdId, planItemId: doneItem.id, date: toDbDate(today), byId: parentCg },
  });
  // A hard night last night (the partner asked for help), so today has suggestions.
  await db.tapOut.create({
    data: { householdId: a.householdId, nightDate: toDbDate(addDays(today, -1)), requesterId: partnerCg },
  });
  ctx = { a, b, today, itemId: item.id, doneItemId: doneItem.id, activityId: activity.id, parentCg };
});

// who: the member of household A for whom the action is allowed; helperRefused: only parents may.
const cases: {
  name: string;
  action: TAction;
  who: "parent" | "partner" | "helper";
  helperRefused: boolean;
  noRowIds?: boolean;
  form: (c: TCtx) => Record<string, string>;
}[] = [
  {
    name: "addPlanItemAction",
    action: addPlanItemAction,
    who: "helper",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, activity: c.activityId, date: c.today, recurrence: "weekdays" }),
  },
  {
    name: "removePlanItemAction",
    action: removePlanItemAction,
    who: "helper",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, planItemId: c.itemId, date: c.today, scope: "onwards" }),
  },
  {
    name: "checkOffAction",
    action: checkOffAction,
    who: "helper",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, planItemId: c.itemId, date: c.today }),
  },
  {
    name: "uncheckAction",
    action: uncheckAction,
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, planItemId: c.doneItemId, date: c.today }),
  },
  {
    name: "skipPlanItemAction",
    action: skipPlanItemAction,
    who: "helper",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, planItemId: c.itemId, date: c.today, reason: "Out all day" }),
  },
  {
    name: "checkOffNoteAction",
    action: checkOffNoteAction,
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, planItemId: c.doneItemId, date: c.today, note: "Lovely" }),
  },
  {
    name: "acceptSuggestionAction",
    action: acceptSuggestionAction,
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, date: c.today, kind: "repair" }),
  },
  {
    name: "dismissSuggestionAction",
    action: dismissSuggestionAction,
    who: "helper",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, date: c.today, kind: "rest" }),
  },
  {
    name: "addActivityAction",
    action: addActivityAction,
    who: "partner",
    helperRefused: true,
    noRowIds: true,
    form: (c) => ({ householdId: c.a.householdId, name: "Tummy time", minutes: "5" }),
  },
  {
    name: "editActivityAction",
    action: editActivityAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, activityId: c.activityId, version: "0", name: "Bath time" }),
  },
  {
    name: "archiveActivityAction",
    action: archiveActivityAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, activity: c.activityId, archived: "true" }),
  },
];

describeActionCases(
  cases.map((tc) => ({ ...tc, action: viaForm(tc.action) })),
  () => ctx,
  "only parents change the library",
);

const getToday = (query = "") => today(new Request(`http://localhost/api/connect/today${query}`));

describeRoute("GET /api/connect/today", () => {
  it("refuses a signed-out visitor with 401, no data, and writes nothing", async () => {
    await signInAs(null);
    const before = await dumpTables();
    const res = await getToday(`?householdId=${ctx.a.householdId}`);
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain("Bath together");
    expect(await dumpTables()).toEqual(before);
  });

  it("refuses a member of another household with 403, no data, and writes nothing", async () => {
    await signInAs(ctx.b.parent);
    const before = await dumpTables();
    const res = await getToday(`?householdId=${ctx.a.householdId}`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain("Bath together");
    expect(await dumpTables()).toEqual(before);
    expect((await getToday(`?householdId=%27%20OR%201=1`)).status).toBe(403);
  });

  it("gives a member (a helper too) today's items with their check-offs, by default and by id", async () => {
    await signInAs(ctx.a.helper);
    for (const res of [await getToday(), await getToday(`?householdId=${ctx.a.householdId}`)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const body = (await res.json()) as { date: string; items: { id: string; status: string; byId: string }[] };
      expect(body.date).toBe(ctx.today);
      expect(body.items.map((i) => [i.id, i.status]).sort()).toEqual(
        [
          [ctx.itemId, "open"],
          [ctx.doneItemId, "done"],
        ].sort(),
      );
      expect(body.items.find((i) => i.id === ctx.doneItemId)?.byId).toBe(ctx.parentCg);
    }
  });
});

describe("chosen days post as a multi-select", () => {
  it("repeated weekdays names make one rule on those days", async () => {
    await signInAs(ctx.a.helper);
    const form = new FormData();
    for (const [k, v] of Object.entries({ householdId: ctx.a.householdId, activity: "play", date: ctx.today }))
      form.append(k, v);
    form.append("recurrence", "days");
    form.append("weekdays", "4");
    form.append("weekdays", "1");
    const res = await addPlanItemAction(null, form);
    expect(res).toMatchObject({ ok: true });
    const id = (res as { ok: true; data: { planItemId: string } }).data.planItemId;
    expect((await getDb().planItem.findUniqueOrThrow({ where: { id } })).weekdays).toEqual([1, 4]);
  });
});
