// Settings' "Delete my account" (lib/account/delete-account.ts): one's own
// account only, after the current password. Refusals write nothing.
import { beforeEach, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { deleteAccountAction } from "@/lib/account/actions";
import { caregiverIdOf, dumpTables, makeFamily, makeUser, PASSWORD, signInAs, toForm } from "../helpers/factories";
import { describeAction } from "../helpers/describe-endpoint";
import { expectEndpointRefused } from "../helpers/refused";
import { fakeRequest, RedirectSignal } from "../helpers/request";

const authMock = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/auth/config", () => ({ ...authMock, auth: vi.fn() }));

let n = 0;
beforeEach(() => {
  authMock.signOut.mockReset().mockImplementation(async (opts?: { redirectTo?: string }) => {
    throw new RedirectSignal(opts?.redirectTo ?? "/");
  });
  // Each test from its own address, so wrong guesses don't add up across tests.
  fakeRequest.headers = { "x-forwarded-for": `203.0.113.${++n}` };
});

describeAction("deleteAccountAction", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectEndpointRefused(
      null,
      () => deleteAccountAction(null, toForm({ currentPassword: PASSWORD })),
      "unauthenticated",
    );
  });

  it("refuses a wrong or missing password with a message on that field, and deletes nothing", async () => {
    const { partner } = await makeFamily("W");
    await signInAs(partner);
    for (const currentPassword of ["not my password", "", undefined]) {
      const before = await dumpTables();
      expect(await deleteAccountAction(null, toForm({ currentPassword }))).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { currentPassword: [expect.any(String)] },
      });
      expect(await dumpTables()).toEqual(before);
    }
  });

  it("refuses the last parent while others remain, and deletes nothing", async () => {
    const { parent, partner, householdId } = await makeFamily("L");
    // The partner leaves as a helper would: only one parent is left.
    await getDb().caregiver.update({ where: { id: await caregiverIdOf(partner) }, data: { role: "helper" } });
    await signInAs(parent);
    const before = await dumpTables();
    expect(await deleteAccountAction(null, toForm({ currentPassword: PASSWORD }))).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/last parent/),
    });
    expect(await dumpTables()).toEqual(before);
    expect(await getDb().household.count({ where: { id: householdId } })).toBe(1);
  });

  it("deletes only the caller's account, signs this device out and says goodbye", async () => {
    const { partner, parent } = await makeFamily("G");
    const bystander = await makeUser("Bystander");
    await signInAs(partner);
    let redirect = "";
    try {
      await deleteAccountAction(null, toForm({ currentPassword: PASSWORD }));
    } catch (e) {
      if (!(e instanceof RedirectSignal)) throw e;
      redirect = e.url;
    }
    expect(redirect).toBe("/sign-in?deleted=1");
    const db = getDb();
    expect(await db.user.count({ where: { id: partner.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [parent.id, bystander.id] } } })).toBe(2);
  });
});
