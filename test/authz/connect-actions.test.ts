// Connect actions: refused to signed-out visitors and to members of other
// households (even with their own household id and our row ids), and to
// helpers where only parents may act (the library); nothing is written.
import { beforeEach, vi } from "vitest";
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
import { caregiverIdOf, makeFamily } from "../helpers/factories";
import { describeActionCases, viaForm } from "../helpers/refused";
import { localDateOf, addDays } from "@/lib/time/local-date";

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
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  const item = await db.planItem.create({
    data: {
      householdId: a.householdId,
      activityId: activity.id,
      startDate: at(addDays(today, -5)),
      recurrence: "daily",
    },
  });
  const doneItem = await db.planItem.create({
    data: {
      householdId: a.householdId,
      activityId: activity.id,
      startDate: at(today),
      untilDate: at(today),
      recurrence: "once",
    },
  });
  await db.checkOff.create({
    data: { householdId: a.householdId, planItemId: doneItem.id, date: at(today), byId: parentCg },
  });
  // A hard night last night (the partner asked for help), so today has suggestions.
  await db.tapOut.create({
    data: { householdId: a.householdId, nightDate: at(addDays(today, -1)), requesterId: partnerCg },
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
