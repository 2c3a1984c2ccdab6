import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { endWaking, startWaking } from "@/lib/log/wakings";
import { requestTapOut } from "@/lib/log/tap-outs";
import { replayActions, type TReplayBody } from "@/lib/log/replay";
import { STALE_TAP_MESSAGE } from "@/lib/log/receipts";
import { english } from "@/lib/i18n/english";
import { actorOf, caregiverIdOf, dumpTables, makeFamily } from "../helpers/factories";

async function family(label = "R") {
  const f = await makeFamily(label);
  const baby = await getDb().baby.create({
    data: { householdId: f.householdId, name: `Pip${label}`, birthDate: new Date("2026-09-01") },
  });
  return { ...f, babyId: baby.id, parentCg: await caregiverIdOf(f.parent) };
}

const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * 60_000).toISOString();
const wakings = (householdId: string) =>
  getDb().waking.findMany({ where: { householdId }, orderBy: { startedAt: "asc" } });

describe("night-log taps with a client key", () => {
  it("a replay returns the first result and writes nothing twice", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const now = new Date();
    const key = randomUUID();
    const input = { householdId: f.householdId, clientKey: key, tappedAt: minutesAgo(5, now.getTime()) };
    const first = await startWaking(a, input, now);
    const before = await dumpTables();
    const again = await startWaking(a, input, new Date(now.getTime() + 60_000));
    expect(again).toEqual(first);
    expect(await dumpTables()).toEqual(before);
    const [w] = await wakings(f.householdId);
    expect(w!.startedAt.toISOString()).toBe(input.tappedAt);

    const endKey = randomUUID();
    const end = {
      householdId: f.householdId,
      startKey: key,
      clientKey: endKey,
      tappedAt: minutesAgo(1, now.getTime()),
    };
    const ended = await endWaking(a, end, now);
    const afterEnd = await dumpTables();
    expect(await endWaking(a, end, now)).toEqual(ended);
    expect(await dumpTables()).toEqual(afterEnd);
    expect(ended).toMatchObject({ wakingId: first.wakingId, minutes: 4 });
  });

  it("20 concurrent replays of one key make one waking and give one answer", async () => {
    const f = await family();
    const actors = await Promise.all([f.parent, f.partner].map(actorOf));
    const key = randomUUID();
    const input = { householdId: f.householdId, clientKey: key, tappedAt: minutesAgo(2) };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => startWaking(actors[i % 2]!, input)));
    expect(await getDb().waking.count({ where: { householdId: f.householdId } })).toBe(1);
    expect(await getDb().actionReceipt.count({ where: { householdId: f.householdId } })).toBe(1);
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('20 concurrent replays of one "Back to sleep", more than the pool has connections, all get the one answer', async () => {
    // Each delivery's transaction holds a pooled connection while it waits on the first one's
    // receipt. The first must find the waking on its own connection: reading it through another
    // pooled one waited for a connection none of the others could give back (P2028 after 15 s;
    // the replay bench lost taps to it).
    const f = await family();
    const actors = await Promise.all([f.parent, f.partner].map(actorOf));
    const now = new Date();
    const startKey = randomUUID();
    const started = await startWaking(actors[0]!, {
      householdId: f.householdId,
      clientKey: startKey,
      tappedAt: minutesAgo(10, now.getTime()),
    });
    const end = {
      householdId: f.householdId,
      startKey,
      clientKey: randomUUID(),
      tappedAt: minutesAgo(2, now.getTime()),
    };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => endWaking(actors[i % 2]!, end, now)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ wakingId: started.wakingId, minutes: 8 });
    const [w] = await wakings(f.householdId);
    expect(w!.endedAt?.toISOString()).toBe(end.tappedAt);
  }, 30_000);

  it("refuses a tap more than 12 hours old, and brings one from the future back to now", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const now = new Date();
    const before = await dumpTables();
    const stale = await startWaking(
      a,
      { householdId: f.householdId, clientKey: randomUUID(), tappedAt: minutesAgo(12 * 60 + 1, now.getTime()) },
      now,
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: "invalid", message: english(STALE_TAP_MESSAGE) });
    expect(await dumpTables()).toEqual(before);

    await startWaking(
      a,
      { householdId: f.householdId, clientKey: randomUUID(), tappedAt: minutesAgo(-30, now.getTime()) },
      now,
    );
    const [w] = await wakings(f.householdId);
    expect(w!.startedAt.getTime()).toBe(now.getTime());
  });

  it("the partner pressed I'm up in between: the queued tap resolves as resumed, never a duplicate", async () => {
    const f = await family();
    const [me, partner] = await Promise.all([f.parent, f.partner].map(actorOf));
    const now = Date.now();
    // The partner's tap reached the server while mine waited in my phone's queue.
    const theirs = await startWaking(partner!, { householdId: f.householdId, clientKey: randomUUID() });
    const mine = await startWaking(me!, {
      householdId: f.householdId,
      clientKey: randomUUID(),
      tappedAt: minutesAgo(3, now),
    });
    expect(mine).toMatchObject({ resumed: true, wakingId: theirs.wakingId, responderName: f.partner.name });
    // Even when they have already settled the baby by the time my queue arrives.
    await endWaking(partner!, { householdId: f.householdId, wakingId: theirs.wakingId });
    const late = await startWaking(me!, {
      householdId: f.householdId,
      clientKey: randomUUID(),
      tappedAt: minutesAgo(2, now),
    });
    expect(late).toMatchObject({ resumed: true, wakingId: theirs.wakingId });
    expect(await wakings(f.householdId)).toHaveLength(1);
  });

  it("another household's member replaying our key is refused here, and in their own household touches only theirs", async () => {
    const a = await family("A");
    const b = await family("B");
    const [aParent, bParent] = await Promise.all([a.parent, b.parent].map(actorOf));
    const key = randomUUID();
    const ours = await startWaking(aParent!, { householdId: a.householdId, clientKey: key, tappedAt: minutesAgo(3) });
    const before = await dumpTables();
    // Into our household: refused as today.
    const refused = await replayActions(bParent!, {
      householdId: a.householdId,
      actions: [{ key, kind: "undoStart", tappedAt: minutesAgo(1), fields: { wakingId: ours.wakingId } }],
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "forbidden" });
    expect(await dumpTables()).toEqual(before);
    // Into their own household: the key is theirs to use there; our receipt and waking are untouched.
    const theirs = await replayActions(bParent!, {
      householdId: b.householdId,
      actions: [
        { key, kind: "start", tappedAt: minutesAgo(1), fields: {} },
        { key: randomUUID(), kind: "undoStart", tappedAt: minutesAgo(1), fields: { wakingId: ours.wakingId } },
      ],
    });
    expect(theirs[0]).toMatchObject({ ok: true, data: { resumed: false } });
    expect((theirs[0] as { data: { wakingId: string } }).data.wakingId).not.toBe(ours.wakingId);
    expect(theirs[1]).toMatchObject({ ok: false, code: "not_found" });
    const after = await dumpTables();
    const ofA = (rows: unknown[]) => rows.filter((r) => (r as { household_id: string }).household_id === a.householdId);
    expect(ofA(after.wakings!)).toEqual(ofA(before.wakings!));
    expect(ofA(after.action_receipts!)).toEqual(ofA(before.action_receipts!));
    expect(ofA(after.action_receipts!)).toHaveLength(1);
  });

  it("a replayed tap-out asks once", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const input = { householdId: f.householdId, clientKey: randomUUID(), tappedAt: minutesAgo(3) };
    const [x, y] = await Promise.all([requestTapOut(a, input), requestTapOut(a, input)]);
    expect(x).toEqual(y);
    expect(await getDb().tapOut.count({ where: { householdId: f.householdId } })).toBe(1);
  });
});

describe("replay of a phone's queue", () => {
  it("runs in order and answers each action by key, with typed refusals", async () => {
    const f = await family();
    const a = await actorOf(f.parent);
    const start = randomUUID();
    const now = Date.now(); // one clock reading: two could straddle a millisecond (10 min + 1 ms)
    const out = await replayActions(a, {
      householdId: f.householdId,
      actions: [
        { key: start, kind: "start", tappedAt: minutesAgo(30, now), fields: { babyId: f.babyId } },
        {
          key: randomUUID(),
          kind: "end",
          tappedAt: minutesAgo(20, now),
          fields: { startKey: start, helped: ["rock"] },
        },
        { key: randomUUID(), kind: "start", tappedAt: minutesAgo(13 * 60, now), fields: {} },
      ],
    });
    expect(out.map((o) => o.ok)).toEqual([true, true, false]);
    expect(out[2]).toMatchObject({ code: "invalid" });
    expect(english((out[2] as { message: string }).message)).toBe(
      "That tap is more than 12 hours old, so it wasn't logged.",
    );
    const [w] = await wakings(f.householdId);
    expect(w).toMatchObject({ helped: ["rock"] });
    expect(w!.endedAt!.getTime() - w!.startedAt.getTime()).toBe(10 * 60_000);
  });

  it("property: any order of duplicate, late and concurrent replays leaves the log as one delivery would", async () => {
    const base = await family("P");
    const a = await actorOf(base.parent);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // Deliveries: each is the whole queue or a late suffix of it; grouped into waves sent at once.
        fc.array(fc.record({ from: fc.nat(4), wave: fc.nat(2) }), { minLength: 1, maxLength: 6 }),
        async (deliveries) => {
          run++;
          const babyId = (
            await getDb().baby.create({
              data: { householdId: base.householdId, name: `B${run}`, birthDate: new Date("2026-09-01") },
            })
          ).id;
          await getDb().waking.deleteMany({ where: { householdId: base.householdId } });
          await getDb().tapOut.deleteMany({ where: { householdId: base.householdId } });
          const now = Date.now();
          const k = Array.from({ length: 5 }, () => randomUUID());
          const queue: TReplayBody["actions"] = [
            { key: k[0]!, kind: "start", tappedAt: minutesAgo(40, now), fields: { babyId } },
            { key: k[1]!, kind: "end", tappedAt: minutesAgo(30, now), fields: { startKey: k[0]!, helped: "bottle" } },
            { key: k[2]!, kind: "undoEnd", tappedAt: minutesAgo(29, now), fields: { startKey: k[0]! } },
            { key: k[3]!, kind: "end", tappedAt: minutesAgo(20, now), fields: { startKey: k[0]!, helped: "rock" } },
            { key: k[4]!, kind: "tapOut", tappedAt: minutesAgo(10, now), fields: {} },
          ];
          // The first delivery of the whole queue always happens (the phone's own flush).
          const all = [{ from: 0, wave: 0 }, ...deliveries].sort((x, y) => x.wave - y.wave);
          const outcomes = new Map<string, unknown[]>();
          for (const wave of [0, 1, 2]) {
            const sent = all.filter((d) => d.wave === wave);
            // A late suffix comes only after the queue's head was delivered once (the phone removed what was acknowledged).
            const results = await Promise.all(
              sent.map((d) =>
                replayActions(a, {
                  householdId: base.householdId,
                  actions: wave === 0 ? queue : queue.slice(d.from),
                }),
              ),
            );
            for (const r of results.flat()) outcomes.set(r.key, [...(outcomes.get(r.key) ?? []), r]);
          }
          for (const [, rs] of outcomes) for (const r of rs) expect(r).toEqual(rs[0]);
          for (const [, rs] of outcomes) expect(rs[0], JSON.stringify(rs[0])).toMatchObject({ ok: true });
          const ws = await getDb().waking.findMany({ where: { householdId: base.householdId } });
          expect(ws).toHaveLength(1);
          expect(ws[0]!.startedAt.toISOString()).toBe(queue[0]!.tappedAt);
          expect(ws[0]!.endedAt!.toISOString()).toBe(queue[3]!.tappedAt);
          expect(ws[0]!.helped).toEqual(["rock"]);
          expect(await getDb().tapOut.count({ where: { householdId: base.householdId } })).toBe(1);
          const receipts = await getDb().actionReceipt.count({
            where: { householdId: base.householdId, key: { in: k } },
          });
          expect(receipts).toBe(5);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
