// Deleting a household (docs/decisions/0031): a parent asks with the name
// typed, the others are mailed and see it, any parent cancels during the
// grace period, and the job deletes it, with everything it owns, after.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { createHousehold } from "@/lib/household/create-household";
import { cancelHouseholdDeletion, requestHouseholdDeletion } from "@/lib/household/delete-household";
import { runDueHouseholdDeletions } from "@/lib/household/deletion-job";
import { confirmsHouseholdName } from "@/lib/household/deletion";
import { readHouseholdDetails } from "@/lib/household/details";
import { leaveHousehold } from "@/lib/household/members";
import { mailSettled } from "@/lib/mail/send";
import {
  actorOf,
  caregiverIdOf,
  dumpTables,
  HOUSEHOLD_INPUT,
  makeBaby,
  makeFamily,
  makeHousehold,
  makeNote,
  makeShift,
  makeUser,
  makeWaking,
} from "../helpers/factories";
import { readableMail, subjectOf } from "../helpers/mail";
import { smtpForThisFile } from "../helpers/smtp-hooks";
import { expectRefusedUnchanged } from "../helpers/refused";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

// The mail goes to a local reader, not to .data/mail.
const smtp = smtpForThisFile();

beforeEach(async () => {
  // One database per file: what an earlier test left scheduled is not this test's to delete.
  await getDb().household.updateMany({
    data: { deletionRequestedAt: null, deletionRequestedById: null, deletionDueAt: null },
  });
  await mailSettled();
  smtp.messages.length = 0;
});

/** The messages sent since the test began (or the last call), once the background sends are done. */
async function mailSent() {
  await mailSettled();
  const sent = smtp.messages.map((m) => ({ to: m.to, subject: subjectOf(m.raw), text: readableMail(m.raw) }));
  smtp.messages.length = 0;
  return sent;
}

type TFamily = Awaited<ReturnType<typeof makeFamily>>;

async function scheduleFor(f: TFamily, now = T0) {
  return requestHouseholdDeletion(
    await actorOf(f.parent),
    { householdId: f.householdId, confirmName: "Household A" },
    now,
  );
}

async function deletionOf(householdId: string) {
  return getDb().household.findUnique({
    where: { id: householdId },
    select: { deletionRequestedAt: true, deletionRequestedById: true, deletionDueAt: true },
  });
}

/** Rows anywhere that still name the household (every table with a household_id column). */
async function rowsOf(householdId: string): Promise<Record<string, number>> {
  const tables = await getDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'household_id' ORDER BY 1`;
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [r] = await getDb().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table_name}" WHERE household_id = $1::uuid`,
      householdId,
    );
    if (r!.n > 0n) out[table_name] = Number(r!.n);
  }
  return out;
}

describe("deletion with grace: cancel, then complete", () => {
  it("schedules a week out, mails the others (not the asker), and a cancel means the job deletes nothing", async () => {
    const a = await makeFamily("A");
    const r = await scheduleFor(a);
    expect(r).toEqual({ dueAt: at(7 * DAY).toISOString(), alreadyScheduled: false });
    expect(await deletionOf(a.householdId)).toEqual({
      deletionRequestedAt: T0,
      deletionRequestedById: await caregiverIdOf(a.parent),
      deletionDueAt: at(7 * DAY),
    });
    // What the banner reads: the household's details, already read on every page.
    expect((await readHouseholdDetails(a.householdId))?.deletion).toMatchObject({ dueAt: at(7 * DAY) });
    // The partner's open screens hear of it.
    expect(
      await getDb().liveEvent.count({ where: { householdId: a.householdId, type: "household.changed" } }),
    ).toBeGreaterThan(0);

    const scheduled = await mailSent();
    expect(
      scheduled
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([a.helper.email, a.partner.email].sort());
    const toPartner = scheduled.find((m) => m.to.includes(a.partner.email))!;
    // The household's clock (Europe/Berlin), not the server's.
    expect(toPartner.subject).toBe("Household A will be deleted on Tuesday 8 December at 10:00");
    expect(toPartner.text).toContain(`${a.parent.name} asked to delete Household A`);
    expect(toPartner.text).toContain("/household#delete");
    const toHelper = scheduled.find((m) => m.to.includes(a.helper.email))!;
    expect(toHelper.text).toContain("ask a parent");
    expect(toHelper.text).not.toContain("/household#delete");

    // The other parent cancels.
    expect(await cancelHouseholdDeletion(await actorOf(a.partner), { householdId: a.householdId }, at(DAY))).toEqual({
      cancelled: true,
    });
    expect(await deletionOf(a.householdId)).toEqual({
      deletionRequestedAt: null,
      deletionRequestedById: null,
      deletionDueAt: null,
    });
    const cancelled = await mailSent();
    expect(
      cancelled
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([a.helper.email, a.parent.email].sort());
    expect(cancelled[0]!.subject).toBe("Household A will not be deleted");
    expect(cancelled[0]!.text).toContain(`${a.partner.name} cancelled the deletion of Household A`);

    expect(await runDueHouseholdDeletions(at(8 * DAY))).toEqual([]);
    expect(await getDb().household.count({ where: { id: a.householdId } })).toBe(1);
    // Cancelling again: nothing to do, nobody mailed.
    expect(await cancelHouseholdDeletion(await actorOf(a.parent), { householdId: a.householdId })).toEqual({
      cancelled: false,
    });
    expect(await mailSent()).toEqual([]);
  });

  it("deletes nothing before the week is out, then the household and all its rows; the people stay and can start again", async () => {
    const a = await makeFamily("A");
    const b = await makeFamily("B");
    const parentA = await caregiverIdOf(a.parent);
    const baby = await makeBaby(a.householdId);
    await makeShift(a.householdId, parentA, { night: "2026-11-28" });
    await makeWaking(a.householdId, parentA, { night: "2026-11-28", babyId: baby.id });
    await makeNote(a.householdId, parentA, { body: "Bottle in the fridge" });
    await makeBaby(b.householdId);

    await scheduleFor(a);
    expect(await runDueHouseholdDeletions(at(6 * DAY))).toEqual([]);
    expect(await runDueHouseholdDeletions(at(7 * DAY - 1))).toEqual([]);
    expect(await getDb().household.count({ where: { id: a.householdId } })).toBe(1);
    await mailSent();

    const bBefore = await rowsOf(b.householdId);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const deleted = await runDueHouseholdDeletions(at(7 * DAY + 60_000));
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`^\\[deletions\\] household ${a.householdId} deleted`)),
    );
    log.mockRestore();
    expect(deleted).toEqual([{ id: a.householdId, dueAt: at(7 * DAY), members: 3 }]);
    expect(await getDb().household.count({ where: { id: a.householdId } })).toBe(0);
    expect(await rowsOf(a.householdId)).toEqual({});
    // The other household is untouched.
    expect(await rowsOf(b.householdId)).toEqual(bBefore);

    // Everyone who was in it is told, the asker too.
    const done = await mailSent();
    expect(
      done
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual([a.helper.email, a.parent.email, a.partner.email].sort());
    expect(done[0]!.subject).toBe("Household A has been deleted");

    // The accounts stay, in no household, and can start a new one.
    expect(await getDb().user.count({ where: { id: { in: [a.parent.id, a.partner.id, a.helper.id] } } })).toBe(3);
    expect((await actorOf(a.partner)).membership).toBeNull();
    const again = await createHousehold(await actorOf(a.partner), { ...HOUSEHOLD_INPUT, name: "Fresh start" });
    expect(await getDb().caregiver.findFirst({ where: { userId: a.partner.id } })).toMatchObject({
      householdId: again.householdId,
      role: "parent",
    });
    // Nothing is left due.
    expect(await runDueHouseholdDeletions(at(30 * DAY))).toEqual([]);
  });
});

describe("asking to delete", () => {
  it("refuses a name that doesn't match, and writes nothing", async () => {
    const a = await makeFamily("A");
    const actor = await actorOf(a.parent);
    for (const confirmName of ["Household B", "", "Household", "Household AA"]) {
      const err = await expectRefusedUnchanged(
        () => requestHouseholdDeletion(actor, { householdId: a.householdId, confirmName }, T0),
        "invalid",
      );
      expect(err.fieldErrors?.confirmName).toEqual(["Type “Household A” to confirm."]);
    }
    await expectRefusedUnchanged(
      () => requestHouseholdDeletion(actor, { householdId: a.householdId }, T0),
      "invalid",
      /name/,
    );
    expect(await mailSent()).toEqual([]);
  });

  it("takes the name whatever its case and spacing (a phone capitalises on its own)", async () => {
    expect(confirmsHouseholdName("  household   a ", "Household A")).toBe(true);
    expect(confirmsHouseholdName("Household  A", "Household A")).toBe(true);
    expect(confirmsHouseholdName("   ", "   ")).toBe(false);
    expect(confirmsHouseholdName("Household Å", "Household A")).toBe(false);
    const a = await makeFamily("A");
    const r = await requestHouseholdDeletion(
      await actorOf(a.partner),
      { householdId: a.householdId, confirmName: " household a" },
      T0,
    );
    expect(r.alreadyScheduled).toBe(false);
  });

  it("asking again while scheduled keeps the first date and mails no one twice", async () => {
    const a = await makeFamily("A");
    await scheduleFor(a);
    await mailSent();
    const again = await requestHouseholdDeletion(
      await actorOf(a.partner),
      { householdId: a.householdId, confirmName: "Household A" },
      at(3 * DAY),
    );
    expect(again).toEqual({ dueAt: at(7 * DAY).toISOString(), alreadyScheduled: true });
    expect((await deletionOf(a.householdId))?.deletionRequestedById).toBe(await caregiverIdOf(a.parent));
    expect(await mailSent()).toEqual([]);
  });

  it("refuses a helper, to ask or to cancel, and writes nothing", async () => {
    const a = await makeFamily("A");
    const helper = await actorOf(a.helper);
    await expectRefusedUnchanged(
      () => requestHouseholdDeletion(helper, { householdId: a.householdId, confirmName: "Household A" }, T0),
      "forbidden",
    );
    await scheduleFor(a);
    await expectRefusedUnchanged(() => cancelHouseholdDeletion(helper, { householdId: a.householdId }), "forbidden");
  });

  it("refuses another household's parent, even with the right name", async () => {
    const a = await makeFamily("A");
    const b = await makeFamily("B");
    const stranger = await actorOf(b.parent);
    await expectRefusedUnchanged(
      () => requestHouseholdDeletion(stranger, { householdId: a.householdId, confirmName: "Household A" }, T0),
      "forbidden",
    );
    await scheduleFor(a);
    await expectRefusedUnchanged(() => cancelHouseholdDeletion(stranger, { householdId: a.householdId }), "forbidden");
  });

  it("the only member, who can't leave, is pointed to Delete household", async () => {
    const u = await makeUser("Solo");
    const householdId = await makeHousehold(u, "Just me");
    await expectRefusedUnchanged(
      async () => leaveHousehold(await actorOf(u), { householdId }),
      "conflict",
      /Delete household/,
    );
  });

  it("the request stands when its parent leaves; the banner then says 'A parent'", async () => {
    const a = await makeFamily("A");
    await requestHouseholdDeletion(
      await actorOf(a.partner),
      { householdId: a.householdId, confirmName: "Household A" },
      T0,
    );
    await leaveHousehold(await actorOf(a.partner), { householdId: a.householdId });
    const details = await readHouseholdDetails(a.householdId);
    expect(details?.deletion?.dueAt).toEqual(at(7 * DAY));
    expect(details?.members.some((m) => m.caregiverId === details.deletion?.requestedById)).toBe(false);
  });
});

describe("races", () => {
  it("a request and a cancel at the same moment leave it wholly scheduled or wholly not", async () => {
    const a = await makeFamily("A");
    const parent = await actorOf(a.parent);
    const partner = await actorOf(a.partner);
    for (let i = 0; i < 8; i++) {
      await Promise.all([
        requestHouseholdDeletion(parent, { householdId: a.householdId, confirmName: "Household A" }, T0),
        cancelHouseholdDeletion(partner, { householdId: a.householdId }, T0),
      ]);
      const d = await deletionOf(a.householdId);
      const set = [d?.deletionRequestedAt, d?.deletionRequestedById, d?.deletionDueAt].filter((v) => v !== null);
      expect([0, 3]).toContain(set.length);
      if (d?.deletionDueAt) expect(d.deletionDueAt).toEqual(at(7 * DAY));
      await cancelHouseholdDeletion(parent, { householdId: a.householdId }, T0);
    }
  });

  it("two jobs at once delete each due household once; a cancel racing the job either wins or finds it gone", async () => {
    const a = await makeFamily("A");
    const b = await makeFamily("B");
    await scheduleFor(a);
    await requestHouseholdDeletion(
      await actorOf(b.parent),
      { householdId: b.householdId, confirmName: "Household B" },
      T0,
    );
    const runs = await Promise.all([runDueHouseholdDeletions(at(8 * DAY)), runDueHouseholdDeletions(at(8 * DAY))]);
    expect(
      runs
        .flat()
        .map((d) => d.id)
        .sort(),
    ).toEqual([a.householdId, b.householdId].sort());
    expect(await getDb().household.count({ where: { id: { in: [a.householdId, b.householdId] } } })).toBe(0);

    const c = await makeFamily("C");
    await requestHouseholdDeletion(
      await actorOf(c.parent),
      { householdId: c.householdId, confirmName: "Household C" },
      T0,
    );
    const partner = await actorOf(c.partner);
    const [job, cancel] = await Promise.allSettled([
      runDueHouseholdDeletions(at(8 * DAY)),
      cancelHouseholdDeletion(partner, { householdId: c.householdId }),
    ]);
    const left = await deletionOf(c.householdId);
    if (left) {
      // The cancel won: not deleted, nothing scheduled.
      expect(cancel).toMatchObject({ status: "fulfilled", value: { cancelled: true } });
      expect(left.deletionDueAt).toBeNull();
      expect(job).toMatchObject({ status: "fulfilled", value: [] });
    } else {
      expect(job).toMatchObject({ status: "fulfilled", value: [expect.objectContaining({ id: c.householdId })] });
      expect(cancel.status).toBe("rejected");
    }
  });

  it("a household whose deletion fails is left for the next run; the others go ahead", async () => {
    const a = await makeFamily("A");
    const b = await makeFamily("B");
    await scheduleFor(a, at(-DAY));
    await requestHouseholdDeletion(
      await actorOf(b.parent),
      { householdId: b.householdId, confirmName: "Household B" },
      T0,
    );
    // A row that refuses to go: a trigger standing in for whatever could fail mid-delete.
    await getDb().$executeRawUnsafe(`
      CREATE FUNCTION refuse_a() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF OLD.id = '${a.householdId}'::uuid THEN RAISE EXCEPTION 'not today'; END IF; RETURN OLD; END $$`);
    await getDb().$executeRawUnsafe(
      `CREATE TRIGGER refuse_a BEFORE DELETE ON households FOR EACH ROW EXECUTE FUNCTION refuse_a()`,
    );
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const before = await dumpTables();
    try {
      expect((await runDueHouseholdDeletions(at(8 * DAY))).map((d) => d.id)).toEqual([b.householdId]);
      expect(error).toHaveBeenCalledWith(
        expect.stringContaining(`household ${a.householdId} could not be deleted`),
        expect.stringContaining("not today"),
      );
      expect(before.households!.length - (await getDb().household.count())).toBe(1);
    } finally {
      error.mockRestore();
      log.mockRestore();
      await getDb().$executeRawUnsafe(`DROP TRIGGER refuse_a ON households`);
      await getDb().$executeRawUnsafe(`DROP FUNCTION refuse_a()`);
    }
    expect((await runDueHouseholdDeletions(at(8 * DAY))).map((d) => d.id)).toEqual([a.householdId]);
  });
});
