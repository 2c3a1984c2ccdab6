// Night duty actions: refused to signed-out visitors, to members of another
// household, and to helpers acting for someone else; nothing is written.
import { beforeEach, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import {
  addUnavailabilityAction,
  createShiftAction,
  deleteShiftAction,
  removeUnavailabilityAction,
  splitShiftAction,
  updateShiftAction,
} from "@/lib/nights/actions";
import { fillRotaAction } from "@/lib/nights/actions";
import { caregiverIdOf, dumpTables, makeFamily, signInAs, toForm, type TTestUser } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { describeAction } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; shiftId: string; unavailabilityId: string; parentCg: string; helperCg: string };
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const parentCg = await caregiverIdOf(a.parent);
  const helperCg = await caregiverIdOf(a.helper);
  const shift = await getDb().shift.create({
    data: {
      householdId: a.householdId,
      caregiverId: parentCg,
      nightDate: new Date("2026-12-01T00:00:00Z"),
      startsAt: new Date("2026-12-01T18:00:00Z"),
      endsAt: new Date("2026-12-02T06:00:00Z"),
      source: "manual",
    },
  });
  const un = await getDb().unavailability.create({
    data: {
      householdId: a.householdId,
      caregiverId: parentCg,
      startsAt: new Date("2026-12-10T00:00:00Z"),
      endsAt: new Date("2026-12-11T00:00:00Z"),
      createdById: a.parent.id,
    },
  });
  ctx = { a, b, shiftId: shift.id, unavailabilityId: un.id, parentCg, helperCg };
});

const cases: { name: string; action: TAction; form: (c: TCtx) => Record<string, string> }[] = [
  {
    name: "createShiftAction",
    action: createShiftAction,
    form: (c) => ({
      householdId: c.a.householdId,
      caregiverId: c.parentCg,
      nightDate: "2026-12-05",
      start: "19:00",
      end: "07:00",
    }),
  },
  {
    name: "updateShiftAction",
    action: updateShiftAction,
    form: (c) => ({
      householdId: c.a.householdId,
      shiftId: c.shiftId,
      version: "0",
      caregiverId: c.parentCg,
      start: "20:00",
      end: "07:00",
    }),
  },
  {
    name: "deleteShiftAction",
    action: deleteShiftAction,
    form: (c) => ({ householdId: c.a.householdId, shiftId: c.shiftId, version: "0" }),
  },
  {
    name: "splitShiftAction",
    action: splitShiftAction,
    form: (c) => ({
      householdId: c.a.householdId,
      shiftId: c.shiftId,
      version: "0",
      at: "01:00",
      caregiverId: c.parentCg,
    }),
  },
  {
    name: "addUnavailabilityAction",
    action: addUnavailabilityAction,
    form: (c) => ({ householdId: c.a.householdId, caregiverId: c.parentCg, from: "2026-12-20", to: "2026-12-21" }),
  },
  {
    name: "fillRotaAction",
    action: fillRotaAction,
    form: (c) => ({
      householdId: c.a.householdId,
      kind: "feed-then-handover",
      feederId: c.parentCg,
      feedUntil: "23:00",
      from: "2027-06-01",
      weeks: "1",
    }),
  },
  {
    name: "removeUnavailabilityAction",
    action: removeUnavailabilityAction,
    form: (c) => ({ householdId: c.a.householdId, id: c.unavailabilityId }),
  },
];

async function expectRefused(who: TTestUser | null, action: TAction, form: Record<string, string>, code: string) {
  await expectEndpointRefused(who, () => action(null, toForm(form)), code);
}

for (const tc of cases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      await expectRefused(null, tc.action, tc.form(ctx), "unauthenticated");
    });
    it("refuses a member of another household and writes nothing", async () => {
      await expectRefused(ctx.b.parent, tc.action, tc.form(ctx), "forbidden");
    });
    it("refuses a helper acting on a parent's shift or time, and writes nothing", async () => {
      await expectRefused(ctx.a.helper, tc.action, tc.form(ctx), "forbidden");
    });
    it("refuses another household's member even with their own household id and our row ids", async () => {
      await signInAs(ctx.b.parent);
      const before = await dumpTables();
      const r = await tc.action(null, toForm({ ...tc.form(ctx), householdId: ctx.b.householdId }));
      expect(r).toMatchObject({ ok: false });
      expect(["invalid", "not_found", "forbidden"]).toContain((r as { code: string }).code);
      expect(await dumpTables()).toEqual(before);
    });
    it("lets a parent of the household do it", async () => {
      await signInAs(ctx.a.parent);
      expect(await tc.action(null, toForm(tc.form(ctx)))).toMatchObject({ ok: true });
    });
  });
}
