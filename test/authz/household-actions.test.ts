// Every household server action, called as the browser would call it (a
// FormData post), by a signed-out visitor, by a member of another household
// and (where it matters) by a helper: each is refused and nothing is written.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { createInvite } from "@/lib/household/invites";
import { getHouseholdOverview, leaveHousehold } from "@/lib/household/members";
import {
  addBabyAction,
  createInviteAction,
  leaveHouseholdAction,
  removeMemberAction,
  revokeInviteAction,
  updateHouseholdAction,
} from "@/lib/household/actions";
import { createHouseholdAction } from "@/lib/household/actions";
import { acceptInviteAction } from "@/lib/household/actions";
import {
  actorOf,
  caregiverIdOf,
  dumpTables,
  HOUSEHOLD_INPUT,
  makeFamily,
  makeUser,
  signInAs,
  toForm,
  tokenOf,
  type TTestUser,
} from "../helpers/factories";
import { expectEndpointRefused, expectRefusedUnchanged } from "../helpers/refused";
import { describeAction } from "../helpers/describe-endpoint";
import { RedirectSignal } from "../helpers/request";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; inviteIdA: string };
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const invite = await createInvite(await actorOf(a.parent), { householdId: a.householdId, role: "parent" });
  ctx = { a, b, inviteIdA: invite.inviteId };
});

/** Calls the action; a redirect counts as success. */
async function call(action: TAction, form: Record<string, string>): Promise<TResult<unknown> | "redirected"> {
  try {
    return (await action(null, toForm(form))) ?? { ok: true, data: undefined };
  } catch (e) {
    if (e instanceof RedirectSignal) return "redirected";
    throw e;
  }
}

async function expectRefused(who: TTestUser | null, action: TAction, form: Record<string, string>, code: string) {
  await expectEndpointRefused(who, () => call(action, form), code);
}

const householdCases: {
  name: string;
  action: TAction;
  parentOnly: boolean;
  /** The field naming a row of household A, if any. */
  rowId?: string;
  form: (c: TCtx) => Promise<Record<string, string>>;
}[] = [
  {
    name: "addBabyAction",
    action: addBabyAction,
    parentOnly: true,
    form: async (c) => ({ householdId: c.a.householdId, name: "Pip", birthDate: "2026-10-01" }),
  },
  {
    name: "updateHouseholdAction",
    action: updateHouseholdAction,
    parentOnly: true,
    form: async (c) => ({ householdId: c.a.householdId, ...HOUSEHOLD_INPUT, name: "Taken over" }),
  },
  {
    name: "createInviteAction",
    action: createInviteAction,
    parentOnly: true,
    form: async (c) => ({ householdId: c.a.householdId, role: "parent" }),
  },
  {
    name: "revokeInviteAction",
    action: revokeInviteAction,
    parentOnly: true,
    rowId: "inviteId",
    form: async (c) => ({ householdId: c.a.householdId, inviteId: c.inviteIdA }),
  },
  {
    name: "removeMemberAction",
    action: removeMemberAction,
    parentOnly: true,
    rowId: "caregiverId",
    form: async (c) => ({ householdId: c.a.householdId, caregiverId: await caregiverIdOf(c.a.partner) }),
  },
  {
    name: "leaveHouseholdAction",
    action: leaveHouseholdAction,
    parentOnly: false,
    form: async (c) => ({ householdId: c.a.householdId }),
  },
];

for (const tc of householdCases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      await expectRefused(null, tc.action, await tc.form(ctx), "unauthenticated");
    });

    it("refuses a member of another household and writes nothing", async () => {
      await expectRefused(ctx.b.parent, tc.action, await tc.form(ctx), "forbidden");
    });

    it("refuses a session ended by 'sign out everywhere'", async () => {
      await signInAs(ctx.a.parent);
      await getDb().user.update({ where: { id: ctx.a.parent.id }, data: { sessionVersion: { increment: 1 } } });
      const before = await dumpTables();
      expect(await call(tc.action, await tc.form(ctx))).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await dumpTables()).toEqual(before);
    });

    if (tc.parentOnly) {
      it("refuses a helper of the same household and writes nothing", async () => {
        await expectRefused(ctx.a.helper, tc.action, await tc.form(ctx), "forbidden");
      });
    }

    it("refuses a household id that is not an id, as for a stranger, and writes nothing", async () => {
      // The request context judges the household before the input: no such membership.
      await expectRefused(
        ctx.a.parent,
        tc.action,
        { ...(await tc.form(ctx)), householdId: "'; DROP TABLE users; --" },
        "forbidden",
      );
    });

    if (tc.rowId) {
      const rowId = tc.rowId;
      it("refuses a row id that is not an id, with a clear message", async () => {
        await expectRefused(ctx.a.parent, tc.action, { ...(await tc.form(ctx)), [rowId]: "1 OR 1=1" }, "invalid");
      });

      it("another household's parent, with their own household id and our row ids, changes nothing of ours", async () => {
        await expectRefused(
          ctx.b.parent,
          tc.action,
          { ...(await tc.form(ctx)), householdId: ctx.b.householdId },
          "not_found",
        );
      });
    }

    it("lets a parent of the household do it", async () => {
      // leave: the partner leaves (the parent is not the last one).
      const who = tc.name === "leaveHouseholdAction" ? ctx.a.partner : ctx.a.parent;
      await signInAs(who);
      const result = await call(tc.action, await tc.form(ctx));
      expect(result).toMatchObject({ ok: true });
    });
  });
}

describeAction("createHouseholdAction", () => {
  const form = { ...HOUSEHOLD_INPUT };
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectRefused(null, createHouseholdAction, form, "unauthenticated");
  });
  it("refuses a member of another household (one household per account)", async () => {
    await expectRefused(ctx.b.parent, createHouseholdAction, form, "forbidden");
  });
  it("refuses bad input with field errors", async () => {
    const u = await makeUser("Solo");
    await signInAs(u);
    const r = await call(createHouseholdAction, { ...form, timeZone: "Atlantis/Capital" });
    expect(r).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { timeZone: [expect.stringMatching(/time zone/)] },
    });
  });
  it("creates the household for someone without one", async () => {
    const u = await makeUser("Newbie");
    await signInAs(u);
    expect(await call(createHouseholdAction, form)).toMatchObject({ ok: true });
  });
});

describeAction("acceptInviteAction", () => {
  async function token() {
    const invite = await createInvite(await actorOf(ctx.a.parent), { householdId: ctx.a.householdId, role: "helper" });
    return tokenOf(invite.path);
  }
  it("refuses a signed-out visitor and leaves the link unused", async () => {
    await expectRefused(null, acceptInviteAction, { token: await token() }, "unauthenticated");
  });
  it("refuses a member of another household and leaves the link unused", async () => {
    await expectRefused(ctx.b.helper, acceptInviteAction, { token: await token() }, "forbidden");
  });
  it("lets someone without a household join, then sends them to the household page", async () => {
    const u = await makeUser("Joiner");
    await signInAs(u);
    expect(await call(acceptInviteAction, { token: await token() })).toBe("redirected");
    expect(await getDb().caregiver.findFirst({ where: { userId: u.id } })).toMatchObject({
      householdId: ctx.a.householdId,
      role: "helper",
    });
  });
});

// The household page's read (server-rendered; it was GET /api/household/overview).
describe("getHouseholdOverview", () => {
  it("refuses a signed-out visitor", async () => {
    await expectRefusedUnchanged(
      () => getHouseholdOverview(null, { householdId: ctx.a.householdId }),
      "unauthenticated",
    );
  });

  it("refuses a member of another household, and a garbage id, as not a member", async () => {
    const stranger = await actorOf(ctx.b.parent);
    await expectRefusedUnchanged(() => getHouseholdOverview(stranger, { householdId: ctx.a.householdId }), "forbidden");
    await expectRefusedUnchanged(() => getHouseholdOverview(stranger, { householdId: "' OR 1=1" }), "forbidden");
  });

  it("refuses someone who left", async () => {
    const helper = await actorOf(ctx.a.helper);
    await leaveHousehold(helper, { householdId: ctx.a.householdId });
    await expectRefusedUnchanged(
      async () => getHouseholdOverview(await actorOf(ctx.a.helper), { householdId: ctx.a.householdId }),
      "forbidden",
    );
  });

  it("gives a member their own household only; links are for parents", async () => {
    const forHelper = await getHouseholdOverview(await actorOf(ctx.a.helper), { householdId: ctx.a.householdId });
    expect(forHelper.members).toHaveLength(3);
    expect(forHelper.pendingInvites).toEqual([]);
    expect(JSON.stringify(forHelper)).not.toContain(ctx.b.parent.email);
    const forParent = await getHouseholdOverview(await actorOf(ctx.a.parent), { householdId: ctx.a.householdId });
    expect(forParent.pendingInvites.map((i) => i.id)).toEqual([ctx.inviteIdA]);
  });
});
