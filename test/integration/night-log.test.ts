import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { afterWaking, deleteWaking, endWaking, reopenWaking, startWaking, updateWaking } from "@/lib/log/wakings";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { requestSwap, respondToSwap, withdrawSwap } from "@/lib/nights/swaps";
import { getNightLog, getPendingSwaps } from "@/lib/log/read-log";
import { updateShift } from "@/lib/nights/shifts";
import { nightOf } from "@/lib/log/night-of";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";

async function family(babies = 1) {
  const f = await makeFamily("L");
  await getDb().household.update({ where: { id: f.householdId }, data: { timeZone: "Europe/London" } });
  const ids: string[] = [];
  for (let i = 0; i < babies; i++) {
    ids.push(
      (
        await getDb().baby.create({
          data: { householdId: f.householdId, name: `Baby${i}`, birthDate: new Date("2026-09-01") },
        })
      ).id,
    );
  }
  return {
    ...f,
    babies: ids,
    parentCg: await caregiverIdOf(f.parent),
    partnerCg: await caregiverIdOf(f.partner),
    helperCg: await caregiverIdOf(f.helper),
  };
}

const at = (iso: string) => new Date(iso);

describe("wakings", () => {
  it("20 presses of 'I'm up' at the same moment make one waking with one responder", async () => {
    const f = await family();
    const actors = await Promise.all([f.parent, f.partner].map(actorOf));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        startWaking(actors[i % 2]!, { householdId: f.householdId }, at("2026-12-02T03:00:00Z")),
      ),
    );
    expect(await getDb().waking.count({ where: { householdId: f.householdId } })).toBe(1);
    expect(new Set(results.map((r) => r.wakingId)).size).toBe(1);
    expect(results.filter((r) => !r.resumed)).toHaveLength(1);
    const winner = results.find((r) => !r.resumed)!.responderName;
    expect(results.filter((r) => r.resumed).every((r) => r.responderName === winner)).toBe(true);
  });

  it("belongs to the night by the household's window; back to sleep records what helped and is idempotent", async () => {
    const f = await family();
    const a = await actorOf(f.partner);
    const { wakingId } = await startWaking(
      a,
      { householdId: f.householdId, cryingMinutesAgo: "4" },
      at("2026-12-02T03:00:00Z"),
    );
    const r = await endWaking(
      a,
      { householdId: f.householdId, wakingId, helped: ["rock", "breast"], note: "liked the chair" },
      at("2026-12-02T03:25:00Z"),
    );
    expect(r.minutes).toBe(25);
    const again = await endWaking(
      await actorOf(f.parent),
      { householdId: f.householdId, wakingId, helped: "other" },
      at("2026-12-02T03:40:00Z"),
    );
    expect(again.minutes).toBe(25);
    const w = await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } });
    expect(w).toMatchObject({ responderId: f.partnerCg, helped: ["breast", "rock"], note: "liked the chair" });
    expect(w.nightDate.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(w.cryingAt!.toISOString()).toBe("2026-12-02T02:56:00.000Z");
    expect(nightOf(at("2026-12-01T20:00:00Z"), "Europe/London", 1140, 420)).toBe("2026-12-01");
  });

  it("two babies can be up at once; with twins, the baby must be chosen", async () => {
    const f = await family(2);
    const a = await actorOf(f.parent);
    await expectRefusedUnchanged(() => startWaking(a, { householdId: f.householdId }), "invalid", /Which baby/);
    const w1 = await startWaking(a, { householdId: f.householdId, babyId: f.babies[0] });
    const w2 = await startWaking(await actorOf(f.partner), { householdId: f.householdId, babyId: f.babies[1] });
    expect(w1.wakingId).not.toBe(w2.wakingId);
  });

  it("undo: a mistaken 'I'm up' is removed; a mistaken 'Back to sleep' reopens", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const { wakingId } = await startWaking(a, { householdId: f.householdId });
    await endWaking(a, { householdId: f.householdId, wakingId });
    await reopenWaking(a, { householdId: f.householdId, wakingId });
    expect((await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } })).endedAt).toBeNull();
    await deleteWaking(a, { householdId: f.householdId, wakingId });
    expect(await getDb().waking.count({ where: { householdId: f.householdId } })).toBe(0);
  });

  it("after Back to sleep (one tap, nothing else): what helped and a note, each tap saved as sent; helpers only their own", async () => {
    const f = await family();
    const a = await actorOf(f.partner);
    const { wakingId } = await startWaking(a, { householdId: f.householdId }, at("2026-12-02T03:00:00Z"));
    await endWaking(a, { householdId: f.householdId, wakingId }, at("2026-12-02T03:20:00Z"));
    const before = await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } });
    expect(before).toMatchObject({ helped: [], note: null });
    await afterWaking(a, { householdId: f.householdId, wakingId, helped: "rock" });
    expect((await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } })).helped).toEqual(["rock"]);
    await afterWaking(a, { householdId: f.householdId, wakingId, helped: ["hold", "rock"], note: "the chair" });
    const w = await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } });
    expect(w).toMatchObject({ helped: ["rock", "hold"], note: "the chair", endedAt: before.endedAt });
    expect(w.version).toBe(before.version + 2);
    // A tag taken back is saved too.
    await afterWaking(a, { householdId: f.householdId, wakingId, helped: [], note: "the chair" });
    expect((await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } })).helped).toEqual([]);
    await expectRefusedUnchanged(
      () => actorOf(f.helper).then((h) => afterWaking(h, { householdId: f.householdId, wakingId, helped: "other" })),
      "forbidden",
    );
  });

  it("editing later: times on the night, a stale version is a conflict; helpers edit only their own", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const { wakingId } = await startWaking(a, { householdId: f.householdId }, at("2026-12-02T03:00:00Z"));
    await endWaking(a, { householdId: f.householdId, wakingId }, at("2026-12-02T03:20:00Z"));
    await updateWaking(a, {
      householdId: f.householdId,
      wakingId,
      version: "1",
      responderId: f.partnerCg,
      start: "02:50",
      end: "03:30",
      helped: "bottle",
    });
    const w = await getDb().waking.findUniqueOrThrow({ where: { id: wakingId } });
    expect([w.startedAt.toISOString(), w.endedAt!.toISOString(), w.responderId]).toEqual([
      "2026-12-02T02:50:00.000Z",
      "2026-12-02T03:30:00.000Z",
      f.partnerCg,
    ]);
    await expectRefusedUnchanged(
      () =>
        updateWaking(a, {
          householdId: f.householdId,
          wakingId,
          version: "1",
          responderId: f.parentCg,
          start: "02:50",
          end: "03:30",
        }),
      "conflict",
    );
    await expectRefusedUnchanged(
      async () => deleteWaking(await actorOf(f.helper), { householdId: f.householdId, wakingId }),
      "forbidden",
    );
    await expectRefusedUnchanged(
      () =>
        updateWaking(a, {
          householdId: f.householdId,
          wakingId,
          version: "2",
          responderId: f.partnerCg,
          start: "03:30",
          end: "02:50",
        }),
      "invalid",
    );
  });

  it("bad input writes nothing", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    await expectRefusedUnchanged(
      () => startWaking(a, { householdId: f.householdId, babyId: "00000000-0000-4000-8000-000000000000" }),
      "invalid",
    );
    await expectRefusedUnchanged(
      () => startWaking(a, { householdId: f.householdId, cryingMinutesAgo: "500" }),
      "invalid",
    );
    const { wakingId } = await startWaking(a, { householdId: f.householdId });
    await expectRefusedUnchanged(
      () => endWaking(a, { householdId: f.householdId, wakingId, helped: "whisky" }),
      "invalid",
    );
    // A multi-select posts one name per choice; a comma-joined value is not a choice.
    await expectRefusedUnchanged(
      () => endWaking(a, { householdId: f.householdId, wakingId, helped: "breast,rock" }),
      "invalid",
    );
    await expectRefusedUnchanged(
      () => endWaking(a, { householdId: f.householdId, wakingId, note: "x".repeat(300) }),
      "invalid",
    );
  });
});

describe("tap-out", () => {
  it("the partner sees it, answers once; a second press within 15 minutes is the same request", async () => {
    const f = await family();
    const [a, b] = [await actorOf(f.parent), await actorOf(f.partner)];
    const t = await requestTapOut(a, { householdId: f.householdId }, at("2026-12-02T03:00:00Z"));
    expect((await requestTapOut(a, { householdId: f.householdId }, at("2026-12-02T03:05:00Z"))).tapOutId).toBe(
      t.tapOutId,
    );
    const log = await getNightLog(b, { householdId: f.householdId }, at("2026-12-02T03:06:00Z"));
    expect(log.tapOuts).toEqual([expect.objectContaining({ id: t.tapOutId, requesterName: "ParentL", answer: null })]);
    await expectRefusedUnchanged(
      () => answerTapOut(a, { householdId: f.householdId, tapOutId: t.tapOutId, answer: "coming" }),
      "forbidden",
    );
    await answerTapOut(b, { householdId: f.householdId, tapOutId: t.tapOutId, answer: "coming" });
    await expectRefusedUnchanged(
      () => answerTapOut(b, { householdId: f.householdId, tapOutId: t.tapOutId, answer: "cant" }),
      "conflict",
    );
  });
});

describe("swaps", () => {
  async function withShift(f: Awaited<ReturnType<typeof family>>, holder: string) {
    return getDb().shift.create({
      data: {
        householdId: f.householdId,
        caregiverId: holder,
        nightDate: new Date("2027-01-10T00:00:00Z"),
        startsAt: at("2027-01-10T19:00:00Z"),
        endsAt: at("2027-01-11T07:00:00Z"),
        source: "rota",
      },
    });
  }
  const now = at("2027-01-05T12:00:00Z");

  it("the pending swaps (a night's page) are read by members only: not signed out, not another household", async () => {
    const f = await family();
    const other = await makeFamily("O");
    const shift = await withShift(f, f.parentCg);
    const { swapId } = await requestSwap(
      await actorOf(f.parent),
      { householdId: f.householdId, shiftId: shift.id },
      now,
    );
    const swaps = await getPendingSwaps(await actorOf(f.helper), { householdId: f.householdId }, now);
    expect(swaps).toEqual([expect.objectContaining({ id: swapId, shiftId: shift.id, fromName: "ParentL" })]);
    await expectRefusedUnchanged(() => getPendingSwaps(null, { householdId: f.householdId }, now), "unauthenticated");
    const stranger = await actorOf(other.parent);
    await expectRefusedUnchanged(() => getPendingSwaps(stranger, { householdId: f.householdId }, now), "forbidden");
    await expectRefusedUnchanged(() => getPendingSwaps(stranger, { householdId: "' OR 1=1" }, now), "forbidden");
  });

  it("an offered whole shift changes hands on acceptance, for both", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const { swapId } = await requestSwap(
      await actorOf(f.parent),
      { householdId: f.householdId, shiftId: shift.id },
      now,
    );
    expect((await getNightLog(await actorOf(f.partner), { householdId: f.householdId }, now)).swaps).toHaveLength(1);
    await expectRefusedUnchanged(
      async () => respondToSwap(await actorOf(f.parent), { householdId: f.householdId, swapId, answer: "accept" }, now),
      "forbidden",
    );
    await respondToSwap(await actorOf(f.partner), { householdId: f.householdId, swapId, answer: "accept" }, now);
    const after = await getDb().shift.findUniqueOrThrow({ where: { id: shift.id } });
    expect([after.caregiverId, after.source, after.version]).toEqual([f.partnerCg, "manual", 1]);
  });

  it("asking to take part of someone's shift splits it on acceptance", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const { swapId } = await requestSwap(
      await actorOf(f.partner),
      { householdId: f.householdId, shiftId: shift.id, start: "23:00", end: "03:00" },
      now,
    );
    await respondToSwap(await actorOf(f.parent), { householdId: f.householdId, swapId, answer: "accept" }, now);
    const shifts = await getDb().shift.findMany({
      where: { householdId: f.householdId },
      orderBy: { startsAt: "asc" },
    });
    expect(
      shifts.map((s) => [s.caregiverId, s.startsAt.toISOString().slice(11, 16), s.endsAt.toISOString().slice(11, 16)]),
    ).toEqual([
      [f.parentCg, "19:00", "23:00"],
      [f.partnerCg, "23:00", "03:00"],
      [f.parentCg, "03:00", "07:00"],
    ]);
  });

  it("accepting twice at once: one outcome, one clear message", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const { swapId } = await requestSwap(
      await actorOf(f.parent),
      { householdId: f.householdId, shiftId: shift.id },
      now,
    );
    const b = await actorOf(f.partner);
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => respondToSwap(b, { householdId: f.householdId, swapId, answer: "accept" }, now)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "conflict"),
    ).toBe(true);
    expect(await getDb().shift.count({ where: { householdId: f.householdId } })).toBe(1);
  });

  it("a shift edited after the request can't be swapped blindly; nothing changes", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const { swapId } = await requestSwap(
      await actorOf(f.parent),
      { householdId: f.householdId, shiftId: shift.id },
      now,
    );
    await updateShift(await actorOf(f.parent), {
      householdId: f.householdId,
      shiftId: shift.id,
      version: 0,
      caregiverId: f.parentCg,
      start: "20:00",
      end: "07:00",
    });
    await expectRefusedUnchanged(
      async () =>
        respondToSwap(await actorOf(f.partner), { householdId: f.householdId, swapId, answer: "accept" }, now),
      "conflict",
      /changed after/,
    );
    expect((await getDb().swap.findUniqueOrThrow({ where: { id: swapId } })).status).toBe("pending");
  });

  it("withdraw, decline, and expiry after the night", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const a = await actorOf(f.parent);
    const s1 = await requestSwap(a, { householdId: f.householdId, shiftId: shift.id }, now);
    await expectRefusedUnchanged(
      async () => withdrawSwap(await actorOf(f.partner), { householdId: f.householdId, swapId: s1.swapId }),
      "forbidden",
    );
    await withdrawSwap(a, { householdId: f.householdId, swapId: s1.swapId });
    const s2 = await requestSwap(a, { householdId: f.householdId, shiftId: shift.id }, now);
    await respondToSwap(
      await actorOf(f.partner),
      { householdId: f.householdId, swapId: s2.swapId, answer: "decline" },
      now,
    );
    const s3 = await requestSwap(a, { householdId: f.householdId, shiftId: shift.id }, now);
    await expect(
      respondToSwap(
        await actorOf(f.partner),
        { householdId: f.householdId, swapId: s3.swapId, answer: "accept" },
        at("2027-01-11T08:00:00Z"),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getDb().swap.findUniqueOrThrow({ where: { id: s3.swapId } })).status).toBe("expired");
    expect((await getDb().shift.findUniqueOrThrow({ where: { id: shift.id } })).caregiverId).toBe(f.parentCg);
  });

  it("bad requests write nothing", async () => {
    const f = await family();
    const shift = await withShift(f, f.parentCg);
    const a = await actorOf(f.parent);
    await expectRefusedUnchanged(
      () => requestSwap(a, { householdId: f.householdId, shiftId: shift.id, start: "05:00", end: "09:00" }, now),
      "invalid",
    );
    await expectRefusedUnchanged(
      () =>
        requestSwap(
          a,
          { householdId: f.householdId, shiftId: shift.id, toId: "00000000-0000-4000-8000-000000000000" },
          now,
        ),
      "invalid",
    );
    await expectRefusedUnchanged(
      () => requestSwap(a, { householdId: f.householdId, shiftId: shift.id }, at("2027-02-01T00:00:00Z")),
      "invalid",
      /over/,
    );
  });
});
