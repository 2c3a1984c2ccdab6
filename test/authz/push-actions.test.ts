// This phone's notifications: every action is refused to signed-out visitors
// and to members of other households (with our household id, or with theirs
// and our device's endpoint), and a device belongs to its caregiver: another
// member of the same household can't turn it off, change it or take it over.
// Nothing is written when refused.
import { beforeEach, describe, it, vi } from "vitest";
import {
  subscribePushAction,
  unsubscribePushAction,
  setShiftRemindersAction,
  readMyDeviceAction,
} from "@/lib/push/actions";
import { subscribePush } from "@/lib/push/devices";
import { actorOf, makeFamily } from "../helpers/factories";
import { describeActionCases, expectEndpointRefused, viaForm, type TActionCase } from "../helpers/refused";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; device: { endpoint: string; p256dh: string; auth: string } };

const KEY = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";
let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const device = {
    endpoint: `https://push.example/send/${Math.random().toString(36).slice(2)}`,
    p256dh: KEY,
    auth: "tBHItJI5svbpez7KI4CCXg",
  };
  await subscribePush(await actorOf(a.partner), { householdId: a.householdId, ...device });
  ctx = { a, b, device };
});

const cases: TActionCase<TCtx>[] = [
  {
    name: "subscribePushAction",
    action: viaForm(subscribePushAction),
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, ...c.device, label: "Phone", shiftReminders: "on" }),
  },
  {
    name: "unsubscribePushAction",
    action: viaForm(unsubscribePushAction),
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, endpoint: c.device.endpoint }),
  },
  {
    name: "setShiftRemindersAction",
    action: viaForm(setShiftRemindersAction),
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, endpoint: c.device.endpoint, shiftReminders: "on" }),
  },
  {
    name: "readMyDeviceAction",
    action: viaForm(readMyDeviceAction),
    who: "partner",
    helperRefused: false,
    ownIdsWriteNothing: true,
    form: (c) => ({ householdId: c.a.householdId, endpoint: c.device.endpoint }),
  },
];

describeActionCases(cases, () => ctx, "");

describe("another caregiver of the same household", () => {
  for (const tc of cases.filter((c) => c.name !== "readMyDeviceAction")) {
    it(`can't use ${tc.name} on the partner's phone, and nothing changes`, async () => {
      await expectEndpointRefused(ctx.a.parent, () => tc.action(tc.form(ctx)), "forbidden");
    });
  }
});
