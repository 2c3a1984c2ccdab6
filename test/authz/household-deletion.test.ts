// The household deletion's two server actions, called as the browser would
// (a FormData post): a signed-out visitor, a member of another household and
// a helper are refused, and nothing is written (a scheduled deletion stays
// scheduled, an unscheduled household stays unscheduled).
import { beforeEach, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { cancelHouseholdDeletionAction, requestHouseholdDeletionAction } from "@/lib/household/actions";
import { caregiverIdOf, dumpTables, makeFamily, signInAs, toForm } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { smtpForThisFile } from "../helpers/smtp-hooks";
import { describeAction } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;

// The mail goes to a local reader, not to .data/mail.
smtpForThisFile();
let a: TFamily;
let b: TFamily;

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
});

const call = async (action: TAction, form: Record<string, string>) =>
  (await action(null, toForm(form))) ?? { ok: true, data: undefined };

/** Household A's deletion, scheduled as a parent would have (straight to the database: no mail). */
async function scheduleA() {
  const now = new Date();
  await getDb().household.update({
    where: { id: a.householdId },
    data: {
      deletionRequestedAt: now,
      deletionRequestedById: await caregiverIdOf(a.parent),
      deletionDueAt: new Date(now.getTime() + 7 * 86_400_000),
    },
  });
}

const cases: {
  name: string;
  action: TAction;
  /** Sets the scene (a deletion to cancel) and gives the form. */
  form: () => Promise<Record<string, string>>;
}[] = [
  {
    name: "requestHouseholdDeletionAction",
    action: requestHouseholdDeletionAction,
    form: async () => ({ householdId: a.householdId, confirmName: "Household A" }),
  },
  {
    name: "cancelHouseholdDeletionAction",
    action: cancelHouseholdDeletionAction,
    form: async () => {
      await scheduleA();
      return { householdId: a.householdId };
    },
  },
];

for (const tc of cases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      const form = await tc.form();
      await expectEndpointRefused(null, () => call(tc.action, form), "unauthenticated");
    });

    it("refuses a member of another household and writes nothing", async () => {
      const form = await tc.form();
      await expectEndpointRefused(b.parent, () => call(tc.action, form), "forbidden");
    });

    it("refuses another household's parent naming their own household with our name, and writes nothing of ours", async () => {
      const form = { ...(await tc.form()), householdId: b.householdId };
      await signInAs(b.parent);
      const before = await dumpTables();
      const result = await call(tc.action, form);
      // Request: their household is not called "Household A"; cancel: theirs has nothing scheduled.
      expect(result).toMatchObject(tc.name.startsWith("request") ? { ok: false, code: "invalid" } : { ok: true });
      expect(await dumpTables()).toEqual(before);
    });

    it("refuses a helper of the same household and writes nothing", async () => {
      const form = await tc.form();
      await expectEndpointRefused(a.helper, () => call(tc.action, form), "forbidden");
    });

    it("refuses a household id that is not an id, as for a stranger, and writes nothing", async () => {
      const form = { ...(await tc.form()), householdId: "'; DROP TABLE households; --" };
      await expectEndpointRefused(a.parent, () => call(tc.action, form), "forbidden");
    });

    it("lets either parent of the household do it", async () => {
      const form = await tc.form();
      await signInAs(a.partner);
      expect(await call(tc.action, form)).toMatchObject({ ok: true });
    });
  });
}

describeAction("requestHouseholdDeletionAction (the name)", () => {
  it("refuses a wrong or missing name with a message on the field, and writes nothing", async () => {
    const forms: Record<string, string>[] = [
      { householdId: a.householdId, confirmName: "Household B" },
      { householdId: a.householdId, confirmName: "x".repeat(5000) },
      { householdId: a.householdId },
    ];
    for (const form of forms) {
      await expectEndpointRefused(a.parent, () => call(requestHouseholdDeletionAction, form), "invalid");
      const r = await call(requestHouseholdDeletionAction, form);
      expect(r).toMatchObject({ ok: false, fieldErrors: { confirmName: [expect.any(String)] } });
    }
  });
});
