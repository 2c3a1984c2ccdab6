import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createHousehold } from "@/lib/household/create-household";
import { updateHousehold } from "@/lib/household/update-household";
import { addBaby } from "@/lib/household/add-baby";
import { acceptInvite, createInvite, previewInvite, revokeInvite, whyCantJoin } from "@/lib/household/invites";
import { getHouseholdOverview, leaveHousehold, removeMember } from "@/lib/household/members";
import { hashInviteToken } from "@/lib/household/invite-token";
import {
  actorOf,
  caregiverIdOf,
  HOUSEHOLD_INPUT,
  join,
  makeFamily,
  makeHousehold,
  makeUser,
  tokenOf,
} from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";

describe("create household", () => {
  it("makes the creator its first parent with the time zone and night window", async () => {
    const u = await makeUser("Ada");
    const { householdId } = await createHousehold(await actorOf(u), {
      name: "Ada's",
      timeZone: "America/New_York",
      nightStart: "20:30",
      nightEnd: "06:15",
    });
    const h = await getDb().household.findUniqueOrThrow({ where: { id: householdId }, include: { caregivers: true } });
    expect(h).toMatchObject({
      name: "Ada's",
      timeZone: "America/New_York",
      nightStart: 20 * 60 + 30,
      nightEnd: 6 * 60 + 15,
    });
    expect(h.caregivers).toEqual([expect.objectContaining({ userId: u.id, role: "parent" })]);
  });

  it.each([
    [{ ...HOUSEHOLD_INPUT, name: "" }, "name"],
    [{ ...HOUSEHOLD_INPUT, name: "n".repeat(81) }, "name"],
    [{ ...HOUSEHOLD_INPUT, timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    [{ ...HOUSEHOLD_INPUT, timeZone: "+02:00" }, "timeZone"],
    [{ ...HOUSEHOLD_INPUT, nightStart: "25:00" }, "nightStart"],
    [{ ...HOUSEHOLD_INPUT, nightEnd: "7pm" }, "nightEnd"],
    [{ ...HOUSEHOLD_INPUT, nightEnd: "19:00" }, "nightEnd"],
    [{ ...HOUSEHOLD_INPUT, name: 12 }, "name"],
  ])("refuses bad input %# on the right field and writes nothing", async (input, field) => {
    const u = await makeUser("Bo");
    const err = await expectRefusedUnchanged(async () => createHousehold(await actorOf(u), input), "invalid");
    expect(err.fieldErrors?.[field]).toBeTruthy();
  });

  it("refuses a second household for someone already in one", async () => {
    const u = await makeUser("Cy");
    await makeHousehold(u);
    await expectRefusedUnchanged(
      async () => createHousehold(await actorOf(u), HOUSEHOLD_INPUT),
      "forbidden",
      /already belong/,
    );
  });

  it("two tabs creating at once make one household", async () => {
    const u = await makeUser("Di");
    const actor = await actorOf(u);
    const results = await Promise.allSettled([
      createHousehold(actor, HOUSEHOLD_INPUT),
      createHousehold(actor, HOUSEHOLD_INPUT),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().caregiver.count({ where: { userId: u.id } })).toBe(1);
  });

  it("parents update the settings; bad time zone changes nothing", async () => {
    const { parent, householdId } = await makeFamily("U");
    await updateHousehold(await actorOf(parent), {
      householdId,
      name: "Renamed",
      timeZone: "Asia/Tokyo",
      nightStart: "18:00",
      nightEnd: "06:00",
    });
    expect(await getDb().household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
      name: "Renamed",
      timeZone: "Asia/Tokyo",
      nightStart: 1080,
    });
    await expectRefusedUnchanged(
      async () =>
        updateHousehold(await actorOf(parent), {
          householdId,
          name: "X",
          timeZone: "Nowhere/Land",
          nightStart: "18:00",
          nightEnd: "06:00",
        }),
      "invalid",
    );
  });
});

describe("babies", () => {
  it("adds more than one baby", async () => {
    const { parent, householdId } = await makeFamily("B");
    await addBaby(await actorOf(parent), { householdId, name: "Twin one", birthDate: "2026-09-01" });
    await addBaby(await actorOf(parent), { householdId, name: "Twin two", birthDate: "2026-09-01" });
    expect(await getDb().baby.count({ where: { householdId } })).toBe(2);
  });

  it.each([
    [{ name: "", birthDate: "2026-09-01" }, "name"],
    [{ name: "Kit", birthDate: "2026-02-30" }, "birthDate"],
    [{ name: "Kit", birthDate: "01/09/2026" }, "birthDate"],
    [{ name: "Kit", birthDate: "2999-01-01" }, "birthDate"],
    [{ name: "Kit", birthDate: "1990-01-01" }, "birthDate"],
    [{ name: "Kit" }, "birthDate"],
  ])("refuses bad baby %# and writes nothing", async (input, field) => {
    const { parent, householdId } = await makeFamily("C");
    const err = await expectRefusedUnchanged(
      async () => addBaby(await actorOf(parent), { householdId, ...input }),
      "invalid",
    );
    expect(err.fieldErrors?.[field]).toBeTruthy();
  });
});

describe("one clear error for a birth date", () => {
  it.each([
    ["", "Enter the birth date."],
    ["01/09/2026", "Enter the birth date as a date, like 2026-09-14."],
    ["2026-02-30", "That date doesn't exist."],
  ])("%j says only %j", async (birthDate, message) => {
    const { parent, householdId } = await makeFamily("G");
    const err = await expectRefusedUnchanged(
      async () => addBaby(await actorOf(parent), { householdId, name: "Kit", birthDate }),
      "invalid",
    );
    expect(err.fieldErrors?.birthDate).toEqual([message]);
  });
});

describe("invites", () => {
  it("a link lets a new person join once, with the role chosen", async () => {
    const parent = await makeUser("Eve");
    const householdId = await makeHousehold(parent);
    const invite = await createInvite(await actorOf(parent), { householdId, role: "helper" });
    expect(invite.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(invite.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    // Only the hash is stored.
    const row = await getDb().invite.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(row.tokenHash).toBe(hashInviteToken(tokenOf(invite.path)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(invite.path));

    expect(await previewInvite(tokenOf(invite.path))).toMatchObject({
      status: "valid",
      householdName: "Test household",
      invitedBy: "Eve",
      role: "helper",
    });
    const gran = await makeUser("Gran");
    await acceptInvite(await actorOf(gran), { token: tokenOf(invite.path) });
    expect(await getDb().caregiver.findFirst({ where: { userId: gran.id } })).toMatchObject({
      householdId,
      role: "helper",
    });
    expect(await previewInvite(tokenOf(invite.path))).toMatchObject({ status: "used" });

    const late = await makeUser("Late");
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(late), { token: tokenOf(invite.path) }),
      "conflict",
      /already been used/,
    );
  });

  it("an expired link says so and lets nobody in", async () => {
    const parent = await makeUser("Fay");
    const householdId = await makeHousehold(parent);
    const invite = await createInvite(await actorOf(parent), { householdId, role: "parent" });
    await getDb().invite.update({ where: { id: invite.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await previewInvite(tokenOf(invite.path))).toMatchObject({ status: "expired" });
    const who = await makeUser("Gus");
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(who), { token: tokenOf(invite.path) }),
      "conflict",
      /expired/,
    );
  });

  it("a revoked link says so; revoking twice is a clear conflict", async () => {
    const parent = await makeUser("Hal");
    const householdId = await makeHousehold(parent);
    const invite = await createInvite(await actorOf(parent), { householdId, role: "parent" });
    await revokeInvite(await actorOf(parent), { householdId, inviteId: invite.inviteId });
    expect(await previewInvite(tokenOf(invite.path))).toMatchObject({ status: "revoked" });
    const who = await makeUser("Ida");
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(who), { token: tokenOf(invite.path) }),
      "conflict",
      /withdrawn/,
    );
    await expectRefusedUnchanged(
      async () => revokeInvite(await actorOf(parent), { householdId, inviteId: invite.inviteId }),
      "conflict",
      /already revoked/,
    );
  });

  it("unknown and malformed tokens are refused with a clear message", async () => {
    const who = await makeUser("Jo");
    expect(await previewInvite("nope")).toEqual({ status: "unknown" });
    expect(await previewInvite("x".repeat(500))).toEqual({ status: "unknown" });
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(who), { token: "nope" }),
      "invalid",
      /isn't valid/,
    );
    await expectRefusedUnchanged(async () => acceptInvite(await actorOf(who), { token: "" }), "invalid");
    await expectRefusedUnchanged(async () => acceptInvite(await actorOf(who), { token: 42 }), "invalid");
  });

  it("two people opening one link at the same moment: exactly one joins", async () => {
    const parent = await makeUser("Kai");
    const householdId = await makeHousehold(parent);
    const invite = await createInvite(await actorOf(parent), { householdId, role: "parent" });
    const people = await Promise.all(["L1", "L2", "L3", "L4"].map((n) => makeUser(n)));
    const actors = await Promise.all(people.map(actorOf));
    const results = await Promise.allSettled(actors.map((a) => acceptInvite(a, { token: tokenOf(invite.path) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().caregiver.count({ where: { householdId } })).toBe(2);
  });

  it("someone already in a household can't join another; a member re-opening their link is told so", async () => {
    const a = await makeFamily("D");
    const b = await makeFamily("E");
    const invite = await createInvite(await actorOf(a.parent), { householdId: a.householdId, role: "parent" });
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(b.partner), { token: tokenOf(invite.path) }),
      "forbidden",
      /already belong/,
    );
    await expectRefusedUnchanged(
      async () => acceptInvite(await actorOf(a.partner), { token: tokenOf(invite.path) }),
      "conflict",
      /already a member/,
    );
    // The invite page says the same before any tap (whyCantJoin on the preview's household).
    const preview = await previewInvite(tokenOf(invite.path));
    expect(preview.status).toBe("valid");
    const target = preview.status === "valid" ? preview.householdId : "";
    expect(target).toBe(a.householdId);
    expect(whyCantJoin(await actorOf(b.partner), target)).toBe("elsewhere");
    expect(whyCantJoin(await actorOf(a.partner), target)).toBe("here");
    expect(whyCantJoin(await actorOf(await makeUser("Free")), target)).toBeNull();
  });

  it("refuses an unknown role", async () => {
    const { parent, householdId } = await makeFamily("F");
    await expectRefusedUnchanged(
      async () => createInvite(await actorOf(parent), { householdId, role: "admin" }),
      "invalid",
    );
  });
});

describe("members", () => {
  it("a parent removes a member, who loses access at once", async () => {
    const { parent, helper, householdId } = await makeFamily("G");
    await removeMember(await actorOf(parent), { householdId, caregiverId: await caregiverIdOf(helper) });
    expect(await getDb().caregiver.count({ where: { userId: helper.id, removedAt: null } })).toBe(0);
    await expect(getHouseholdOverview(await actorOf(helper), { householdId })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("the last parent can't leave; once there are two, one may", async () => {
    const parent = await makeUser("Mo");
    const householdId = await makeHousehold(parent);
    await expectRefusedUnchanged(
      async () => leaveHousehold(await actorOf(parent), { householdId }),
      "conflict",
      /only member/,
    );
    const helper = await makeUser("Ned");
    await join(householdId, parent, helper, "helper");
    await expectRefusedUnchanged(
      async () => leaveHousehold(await actorOf(parent), { householdId }),
      "conflict",
      /last parent/,
    );
    const partner = await makeUser("Ola");
    await join(householdId, parent, partner, "parent");
    await leaveHousehold(await actorOf(parent), { householdId });
    expect(await getDb().caregiver.count({ where: { householdId, removedAt: null } })).toBe(2);
  });

  it("a helper may leave", async () => {
    const { helper, householdId } = await makeFamily("H");
    await leaveHousehold(await actorOf(helper), { householdId });
    expect(await getDb().caregiver.count({ where: { userId: helper.id, removedAt: null } })).toBe(0);
  });

  it("removing yourself or an unknown member is refused clearly", async () => {
    const { parent, householdId } = await makeFamily("I");
    await expectRefusedUnchanged(
      async () => removeMember(await actorOf(parent), { householdId, caregiverId: await caregiverIdOf(parent) }),
      "conflict",
      /Leave household/,
    );
    await expectRefusedUnchanged(
      async () =>
        removeMember(await actorOf(parent), { householdId, caregiverId: "00000000-0000-4000-8000-000000000000" }),
      "not_found",
    );
    await expectRefusedUnchanged(
      async () => removeMember(await actorOf(parent), { householdId, caregiverId: "not-a-uuid" }),
      "invalid",
    );
  });

  it("two parents removing each other at the same moment leave one parent, never none", async () => {
    for (let round = 0; round < 5; round++) {
      const { parent, partner, householdId } = await makeFamily(`J${round}`);
      const [a, b] = [await actorOf(parent), await actorOf(partner)];
      const [ca, cb] = [await caregiverIdOf(parent), await caregiverIdOf(partner)];
      const results = await Promise.allSettled([
        removeMember(a, { householdId, caregiverId: cb }),
        removeMember(b, { householdId, caregiverId: ca }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await getDb().caregiver.count({ where: { householdId, role: "parent", removedAt: null } })).toBe(1);
    }
  });

  it("the overview lists members, babies and (for parents) pending invites", async () => {
    const { parent, helper, householdId } = await makeFamily("K");
    await createInvite(await actorOf(parent), { householdId, role: "parent" });
    const forParent = await getHouseholdOverview(await actorOf(parent), { householdId });
    expect(forParent.members.map((m) => m.role)).toEqual(["parent", "parent", "helper"]);
    expect(forParent.members.find((m) => m.isMe)?.name).toBe("ParentK");
    expect(forParent.pendingInvites).toHaveLength(1);
    const forHelper = await getHouseholdOverview(await actorOf(helper), { householdId });
    expect(forHelper.pendingInvites).toEqual([]);
    // The other pages' overview (invites: false) leaves them out, even for a parent; anything but a boolean is refused.
    const withoutInvites = await getHouseholdOverview(await actorOf(parent), { householdId, invites: false });
    expect(withoutInvites.pendingInvites).toEqual([]);
    expect(withoutInvites.members).toEqual(forParent.members);
    for (const invites of ["yes", 1, null, "\u0000"])
      await expectRefusedUnchanged(() => getHouseholdOverview(null, { householdId, invites }), "unauthenticated");
    for (const invites of ["yes", 1, null, "\u0000"])
      await expectRefusedUnchanged(
        async () => getHouseholdOverview(await actorOf(parent), { householdId, invites }),
        "invalid",
      );
  });
});
