// Balance: the check-in and settings actions refuse signed-out visitors and
// members of other households (and helpers, for settings) with nothing
// written; the page's domain reads refuse outsiders too.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { saveBalanceSettingsAction, saveCheckInAction } from "@/lib/balance/actions";
import { getBalance, getBalanceWarnings } from "@/lib/balance/read-balance";
import { getCheckIns } from "@/lib/balance/check-ins";
import { getBalanceSettings } from "@/lib/balance/settings";
import { actorOf, makeFamily, signInAs, toForm, type TTestUser } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { describeAction } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;
let a: TFamily;
let b: TFamily;
beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
});

const cases: { name: string; action: TAction; helperRefused: boolean; form: (f: TFamily) => Record<string, string> }[] =
  [
    {
      name: "saveCheckInAction",
      action: saveCheckInAction,
      helperRefused: false,
      form: (f) => ({ householdId: f.householdId, sleepiness: "6", mood: "okay", note: "fine", shared: "on" }),
    },
    {
      name: "saveBalanceSettingsAction",
      action: saveBalanceSettingsAction,
      helperRefused: true,
      form: (f) => ({
        householdId: f.householdId,
        warnConsecutive: "4",
        warnSharePercent: "70",
        warnSleepHours: "5",
        warnSleepNights: "2",
        supportText: "Call Mia",
      }),
    },
  ];

async function expectRefused(who: TTestUser | null, action: TAction, form: Record<string, string>, codes: string[]) {
  await expectEndpointRefused(who, () => action(null, toForm(form)), codes);
}

for (const tc of cases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      await expectRefused(null, tc.action, tc.form(a), ["unauthenticated"]);
    });
    it("refuses a member of another household and writes nothing", async () => {
      await expectRefused(b.parent, tc.action, tc.form(a), ["forbidden"]);
    });
    if (tc.helperRefused) {
      it("refuses a helper and writes nothing", async () => {
        await expectRefused(a.helper, tc.action, tc.form(a), ["forbidden"]);
      });
    }
    it("lets a parent of the household do it, in their own household only", async () => {
      await signInAs(a.partner);
      expect(await tc.action(null, toForm(tc.form(a)))).toMatchObject({ ok: true });
      // The other household is untouched.
      const other = await getBalanceSettings(await actorOf(b.parent), { householdId: b.householdId });
      expect(other).toMatchObject({ warnConsecutive: 3, supportText: null });
      expect(
        await getCheckIns(await actorOf(b.parent), {
          householdId: b.householdId,
          from: "2000-01-01",
          to: "2100-01-01",
        }),
      ).toEqual([]);
    });
  });
}

describe("the Balance page's reads", () => {
  it("refuse a signed-out visitor and a member of another household", async () => {
    for (const read of [
      (actor: Awaited<ReturnType<typeof actorOf>> | null) => getBalance(actor, { householdId: a.householdId }),
      (actor: Awaited<ReturnType<typeof actorOf>> | null) => getBalanceWarnings(actor, { householdId: a.householdId }),
      (actor: Awaited<ReturnType<typeof actorOf>> | null) =>
        getCheckIns(actor, { householdId: a.householdId, from: "2000-01-01", to: "2100-01-01" }),
      (actor: Awaited<ReturnType<typeof actorOf>> | null) => getBalanceSettings(actor, { householdId: a.householdId }),
    ]) {
      await expect(read(null)).rejects.toMatchObject({ code: "unauthenticated" });
      await expect(read(await actorOf(b.parent))).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("a check-in saved through the action comes back only to its author", async () => {
    await signInAs(a.parent);
    const r = await saveCheckInAction(
      null,
      toForm({ householdId: a.householdId, sleepiness: "8", note: "private words" }),
    );
    expect(r).toMatchObject({ ok: true, data: { note: "private words", shared: false } });
    const partnerView = JSON.stringify(await getBalance(await actorOf(a.partner), { householdId: a.householdId }));
    expect(partnerView).not.toContain("private words");
  });
});
