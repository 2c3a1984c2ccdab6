// Web Push end to end, with a local push service standing in for the real one:
// what the domain writes to the outbox (inside its transaction), what the
// worker sends (decrypted here with the device's own keys), the one rule
// (an off-duty partner at night gets a tap-out and nothing else), two workers
// sending each row once, and dead devices removed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { instantAt } from "@/lib/time/local-time";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { requestSwap } from "@/lib/nights/swaps";
import { subscribePush } from "@/lib/push/devices";
import { enqueuePush, writeOutbox, type TOutboxRow } from "@/lib/push/enqueue";
import { drainPushOutbox, MAX_ATTEMPTS, runPushWorkerOnce, scheduleShiftPushes } from "@/lib/push/worker";
import { actorOf, caregiverIdOf, makeFamily, makeNote, makeShift, nightInstant } from "../helpers/factories";
import { startTestPushService, type TTestPushService } from "../helpers/push-service";

let push: TTestPushService;
beforeAll(async () => {
  push = await startTestPushService();
});
afterAll(() => push.close());

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let f: TFamily;
let parentCg: string;
let partnerCg: string;
const NIGHT = "2026-11-20";
const H = { timeZone: "Europe/Berlin", nightStart: 19 * 60, nightEnd: 7 * 60 } as const;
const at = (clock: string, night = NIGHT) => nightInstant(night, clock, H);
/** A wall-clock time on a date (not "during the night of"). */
const on = (date: string, clock: string) =>
  instantAt(date, Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)), H.timeZone);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

beforeEach(async () => {
  push.received.length = 0;
  f = await makeFamily(`P${Math.random().toString(36).slice(2, 7)}`);
  [parentCg, partnerCg] = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner)];
  // The parent has the whole night; the partner is off duty.
  await makeShift(f.householdId, parentCg, { night: NIGHT });
});

async function subscribe(user: TFamily["parent"], name: string, extra: Record<string, unknown> = {}) {
  const d = push.device(`${name}-${Math.random().toString(36).slice(2, 8)}`);
  await subscribePush(await actorOf(user), { householdId: f.householdId, ...d, label: name, ...extra });
  return d;
}

describe("a tap-out at 03:00", () => {
  it("reaches the off-duty partner: high urgency, short TTL, stays on screen; the answer goes back", async () => {
    const partnerPhone = await subscribe(f.partner, "partner");
    const parentPhone = await subscribe(f.parent, "parent");
    const t = at("03:00");
    const { tapOutId } = await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, t);
    const run = await runPushWorkerOnce({ now: plus(t, 1) });
    expect(run).toMatchObject({ claimed: 1, sent: 1 });
    const [got] = await push.waitFor(1);
    expect(got!.device).toBe(partnerPhone.name);
    expect(got!.headers.urgency).toBe("high");
    expect(got!.headers.ttl).toBe("300");
    expect(got!.headers["content-encoding"]).toBe("aes128gcm");
    expect(got!.headers.authorization).toMatch(/^vapid t=.+, k=.+/);
    expect(got!.payload).toEqual({
      kind: "tapout",
      title: `${f.parent.name} needs you`,
      body: "Tap to answer: I'm coming, or I can't right now.",
      tag: `tapout-${tapOutId}`,
      url: `/tonight?tapout=${tapOutId}`,
      requireInteraction: true,
      renotify: true,
      tapOutId,
      // The answer buttons, in the recipient's language (the service worker can't translate).
      actions: [
        { action: "coming", title: "I'm coming" },
        { action: "cant", title: "I can't right now" },
      ],
    });

    await answerTapOut(
      await actorOf(f.partner),
      { householdId: f.householdId, tapOutId, answer: "coming" },
      plus(t, 30),
    );
    await runPushWorkerOnce({ now: plus(t, 31) });
    const answers = await push.waitFor(2);
    expect(answers[1]!.device).toBe(parentPhone.name);
    expect(answers[1]!.headers.urgency).toBe("high");
    expect(answers[1]!.payload).toMatchObject({
      kind: "tapout-answer",
      title: `${f.partner.name} is coming`,
      tag: `tapout-${tapOutId}`,
    });
    const row = await getDb().pushSubscription.findUniqueOrThrow({ where: { endpoint: partnerPhone.endpoint } });
    expect(row.lastSuccessAt).toEqual(plus(t, 1));
  });

  it("a rolled-back change sends nothing", async () => {
    await subscribe(f.partner, "partner");
    await expect(
      getDb().$transaction(async (tx) => {
        await enqueuePush(tx, {
          kind: "tapout",
          householdId: f.householdId,
          tapOutId: "00000000-0000-4000-8000-000000000001",
          by: { caregiverId: parentCg, name: "x" },
          at: at("03:00"),
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await getDb().pushOutbox.count({ where: { householdId: f.householdId } })).toBe(0);
    expect(await runPushWorkerOnce({ now: at("03:01") })).toMatchObject({ claimed: 0 });
  });

  it("a household without devices writes no outbox rows", async () => {
    await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, at("03:00"));
    expect(await getDb().pushOutbox.count({ where: { householdId: f.householdId } })).toBe(0);
  });
});

describe("a push speaks its recipient's language", () => {
  it("German for a partner who chose German, with the household's 12-hour clock; the sender's language plays no part", async () => {
    await getDb().user.update({ where: { id: f.partner.id }, data: { locale: "de" } });
    await getDb().household.update({ where: { id: f.householdId }, data: { locale: "en-US" } });
    await subscribe(f.partner, "partner");
    const t = at("03:00");
    const { tapOutId } = await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, t);
    const shift = await getDb().shift.findFirstOrThrow({
      where: { householdId: f.householdId, caregiverId: parentCg },
    });
    await requestSwap(await actorOf(f.parent), { householdId: f.householdId, shiftId: shift.id, toId: partnerCg }, t);
    const rows = await getDb().pushOutbox.findMany({ where: { householdId: f.householdId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.payload)).toMatchObject([
      {
        kind: "tapout",
        title: `${f.parent.name} braucht dich`,
        tapOutId,
        actions: [
          { action: "coming", title: "Ich komme" },
          { action: "cant", title: "Ich kann gerade nicht" },
        ],
      },
      {
        kind: "swap",
        title: `${f.parent.name} fragt dich nach einem Tausch`,
        body: expect.stringMatching(/^7:00 PM–7:00 AM\. /),
      },
    ]);
    // Unsent rows would reach the worker runs of the tests below (they claim whatever is due).
    await getDb().pushOutbox.deleteMany({ where: { householdId: f.householdId } });
  });
});

describe("the off-duty partner at night gets nothing but a tap-out", () => {
  it("a swap asked at 03:00 of the off-duty partner is held until the night ends (07:00), then sent", async () => {
    await subscribe(f.partner, "partner");
    const shift = await getDb().shift.findFirstOrThrow({
      where: { householdId: f.householdId, caregiverId: parentCg },
    });
    const t = at("03:00");
    const { swapId } = await requestSwap(
      await actorOf(f.parent),
      { householdId: f.householdId, shiftId: shift.id, toId: partnerCg },
      t,
    );
    expect(await runPushWorkerOnce({ now: plus(t, 1) })).toMatchObject({ claimed: 1, held: 1, sent: 0 });
    const row = await getDb().pushOutbox.findFirstOrThrow({ where: { dedupeKey: `swap:${swapId}` } });
    expect(row.dueAt).toEqual(at("07:00"));
    expect(row.sentAt).toBeNull();
    // Still night: nothing due, nothing sent.
    expect(await runPushWorkerOnce({ now: at("06:59") })).toMatchObject({ claimed: 0 });
    expect(push.received).toHaveLength(0);
    // Morning: sent.
    expect(await runPushWorkerOnce({ now: at("07:00") })).toMatchObject({ claimed: 1, sent: 1 });
    const [got] = await push.waitFor(1);
    expect(got!.headers.urgency).toBe("normal");
    expect(got!.payload).toMatchObject({ kind: "swap", url: `/nights?swap=${swapId}` });
  });

  it("the same swap asked of a partner who is on duty at that moment goes at once", async () => {
    await subscribe(f.partner, "partner");
    // A split night: the parent holds 19:00–01:00, the partner 01:00–07:00; at 02:00 the parent asks about a later night.
    await makeShift(f.householdId, parentCg, { night: "2026-11-21", end: "01:00" });
    await makeShift(f.householdId, partnerCg, { night: "2026-11-21", start: "01:00" });
    const own = await makeShift(f.householdId, parentCg, { night: "2026-11-25" });
    const t = at("02:00", "2026-11-21");
    await requestSwap(await actorOf(f.parent), { householdId: f.householdId, shiftId: own.id, toId: partnerCg }, t);
    expect(await runPushWorkerOnce({ now: t })).toMatchObject({ sent: 1 });
  });

  it("shift reminders: only to devices that asked; dropped for an off-duty caregiver inside the window; one row however many schedulers", async () => {
    const quiet = await subscribe(f.partner, "partner-quiet");
    const loud = await subscribe(f.partner, "partner-loud", { shiftReminders: true });
    // The partner's shift starts at 19:00 the next night: the reminder at 18:35 is in the day.
    const s = await makeShift(f.householdId, partnerCg, { night: "2026-11-21" });
    const t = on("2026-11-21", "18:35");
    const counts = await Promise.all([scheduleShiftPushes(t), scheduleShiftPushes(t), scheduleShiftPushes(t)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    await drainPushOutbox({ now: t });
    const got = await push.waitFor(1);
    expect(got.map((g) => g.device)).toEqual([loud.name]);
    expect(got[0]!.payload).toMatchObject({ kind: "shift-soon", title: "Your shift starts at 19:00" });
    expect(push.received.some((g) => g.device === quiet.name)).toBe(false);
    expect(await getDb().pushOutbox.count({ where: { dedupeKey: `shift-soon:${s.id}:${s.version}` } })).toBe(1);

    // A split-night shift starting at 01:00: its reminder falls at 00:35, off duty, in the window: dropped.
    push.received.length = 0;
    const late = await makeShift(f.householdId, partnerCg, { night: "2026-11-22", start: "01:00" });
    const t2 = at("00:35", "2026-11-22");
    await scheduleShiftPushes(t2);
    expect(await runPushWorkerOnce({ now: t2 })).toMatchObject({ dropped: 1, sent: 0 });
    const dropped = await getDb().pushOutbox.findFirstOrThrow({ where: { dedupeKey: `shift-soon:${late.id}:0` } });
    expect(dropped.lastError).toMatch(/off duty/);
    expect(push.received).toHaveLength(0);
  });

  it("the handoff note reaches the caregiver whose shift starts", async () => {
    await subscribe(f.partner, "partner");
    await makeShift(f.householdId, partnerCg, { night: "2026-11-21" });
    await makeNote(f.householdId, parentCg, {
      kind: "handoff",
      body: "Gel at 4, last feed 18:30",
      night: "2026-11-21",
    });
    const t = at("19:02", "2026-11-21");
    expect(await scheduleShiftPushes(t)).toBe(1);
    await drainPushOutbox({ now: t });
    const [got] = await push.waitFor(1);
    expect(got!.payload).toMatchObject({
      kind: "handoff",
      title: `Handoff note from ${f.parent.name}`,
      body: "Gel at 4, last feed 18:30",
    });
  });
});

describe("the worker", () => {
  function rows(n: number, recipientId: string): TOutboxRow[] {
    return Array.from({ length: n }, (_, i) => ({
      householdId: f.householdId,
      recipientId,
      kind: "tapout" as const,
      dedupeKey: `bulk:${f.householdId}:${i}`,
      urgency: "high" as const,
      ttl: 300,
      dueAt: at("03:00"),
      payload: { kind: "tapout" as const, title: `t${i}`, body: "", tag: `t${i}`, url: "/tonight" },
    }));
  }

  it("two workers claiming at once send each row exactly once", async () => {
    const slow = await startTestPushService({ delayMs: 15 });
    try {
      const d = slow.device("partner");
      await subscribePush(await actorOf(f.partner), { householdId: f.householdId, ...d });
      await getDb().$transaction((tx) => writeOutbox(tx, rows(40, partnerCg)));
      const now = at("03:01");
      const batch = (n: number) => ({ now, batch: n });
      const loop = async () => {
        let claimed = 0;
        for (;;) {
          const r = await runPushWorkerOnce(batch(5));
          claimed += r.claimed;
          if (!r.claimed) return claimed;
        }
      };
      const [a, b] = await Promise.all([loop(), loop()]);
      expect(a + b).toBe(40);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      await slow.waitFor(40);
      const titles = slow.received.map((r) => r.payload.title);
      expect(new Set(titles).size).toBe(40);
      expect(titles).toHaveLength(40);
      expect(await getDb().pushOutbox.count({ where: { sentAt: null } })).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it("a device answered 410 is removed; a 500 is retried later with backoff, up to a cap", async () => {
    const gone = await subscribe(f.partner, "gone");
    push.answer(gone.name, 410);
    await getDb().$transaction((tx) => writeOutbox(tx, rows(1, partnerCg)));
    expect(await runPushWorkerOnce({ now: at("03:01") })).toMatchObject({ devicesRemoved: 1 });
    expect(await getDb().pushSubscription.count({ where: { endpoint: gone.endpoint } })).toBe(0);

    const flaky = await subscribe(f.partner, "flaky");
    push.answer(flaky.name, 500);
    await getDb().$transaction((tx) =>
      writeOutbox(
        tx,
        rows(1, partnerCg).map((r) => ({ ...r, dedupeKey: "flaky" })),
      ),
    );
    let now = at("03:02");
    expect(await runPushWorkerOnce({ now })).toMatchObject({ retried: 1 });
    let row = await getDb().pushOutbox.findUniqueOrThrow({ where: { dedupeKey: "flaky" } });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, lastError: "push service answered 500" });
    expect(row.dueAt).toEqual(plus(now, 15));
    expect(await runPushWorkerOnce({ now: plus(now, 14) })).toMatchObject({ claimed: 0 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now = (await getDb().pushOutbox.findUniqueOrThrow({ where: { dedupeKey: "flaky" } })).dueAt;
      await runPushWorkerOnce({ now });
    }
    row = await getDb().pushOutbox.findUniqueOrThrow({ where: { dedupeKey: "flaky" } });
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(await runPushWorkerOnce({ now: plus(now, 86_400) })).toMatchObject({ claimed: 0 });
    expect(await getDb().pushSubscription.count({ where: { endpoint: flaky.endpoint } })).toBe(1);
  });
});
