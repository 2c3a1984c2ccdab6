// Outgoing webhooks end to end (docs/decisions/0032), with a real local
// receiver: what the domain enqueues inside its transaction (and only for
// households with a subscribed endpoint), what the worker POSTs (signed, the
// signature checked here as a receiver would), retries with backoff, and the
// addresses Attune refuses to send to.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { deleteWaking, endWaking, reopenWaking, startWaking, updateWaking } from "@/lib/log/wakings";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { createWebhook, listWebhooks, pauseWebhook, removeWebhook, sendTestWebhook } from "@/lib/webhooks/endpoints";
import { runWebhookWorkerOnce, WEBHOOK_RETRY } from "@/lib/webhooks/worker";
import { verifySignature } from "@/lib/webhooks/sign";
import { postWebhook } from "@/lib/webhooks/deliver";
import { refusedAddress } from "@/lib/webhooks/address";
import { AppError } from "@/lib/errors";
import { WEBHOOK_TEST_LIMIT } from "@/lib/auth/throttle";
import { countQueries } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeBaby, makeFamily, nightInstant } from "../helpers/factories";
import { startWebhookReceiver, type TWebhookReceiver } from "../helpers/webhook-receiver";

let hook: TWebhookReceiver;
beforeAll(async () => {
  hook = await startWebhookReceiver();
});
afterAll(() => hook.close());

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let f: TFamily;
const H = { timeZone: "Europe/Berlin", nightStart: 19 * 60, nightEnd: 7 * 60 } as const;
const at = (clock: string) => nightInstant("2026-11-20", clock, H);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const db = () => getDb();
/** This test's household: the file's tests share one database. */
const mine = () => ({ householdId: f.householdId });

beforeEach(async () => {
  vi.stubEnv("ATTUNE_WEBHOOK_ALLOW_LOCAL", "1");
  hook.received.length = 0;
  hook.answer(200);
  // The worker takes any household's due rows: start each test with none waiting.
  await getDb().webhookDelivery.deleteMany({});
  f = await makeFamily(`W${Math.random().toString(36).slice(2, 7)}`);
  await makeBaby(f.householdId, { name: "Pip" });
});

async function addWebhook(events: string[], path = "/hook") {
  return createWebhook(await actorOf(f.parent), {
    householdId: f.householdId,
    name: "Home Assistant",
    url: hook.url(path),
    events,
  });
}

describe("a waking started through the domain", () => {
  it("enqueues one delivery in its transaction; the worker POSTs it signed; it is delivered", async () => {
    const { secret } = await addWebhook(["waking.started", "waking.ended"]);
    const t = at("02:10");
    const { wakingId } = await startWaking(await actorOf(f.partner), { householdId: f.householdId }, t);
    const [row] = await db().webhookDelivery.findMany({ where: mine() });
    expect(row).toMatchObject({ event: "waking.started", status: "pending", attempts: 0 });

    expect(await runWebhookWorkerOnce({ now: plus(t, 1) })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(hook.received).toHaveLength(1);
    const got = hook.received[0]!;
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["attune-event"]).toBe("waking.started");
    expect(got.headers["attune-delivery"]).toBe(row!.id);
    expect(verifySignature(secret, got.body, String(got.headers["attune-signature"]))).toBe(true);
    expect(verifySignature("whsec_wrong", got.body, String(got.headers["attune-signature"]))).toBe(false);
    expect(verifySignature(secret, got.body.replace("Pip", "Pop"), String(got.headers["attune-signature"]))).toBe(
      false,
    );
    const body = JSON.parse(got.body);
    expect(Object.keys(body)).toEqual(["id", "type", "occurredAt", "householdId", "data"]);
    expect(body).toEqual({
      id: row!.id,
      type: "waking.started",
      occurredAt: t.toISOString(),
      householdId: f.householdId,
      data: {
        wakingId,
        babyId: expect.any(String),
        babyName: "Pip",
        responderName: f.partner.name,
        startedAt: t.toISOString(),
        cryingAt: null,
      },
    });
    expect(got.body).not.toContain("@"); // names only, never an email
    const done = await db().webhookDelivery.findUniqueOrThrow({ where: { id: row!.id } });
    expect(done).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(done.deliveredAt).toEqual(plus(t, 1));

    // Back to sleep: its own event, with how long and what helped.
    await endWaking(
      await actorOf(f.partner),
      { householdId: f.householdId, wakingId, helped: ["bottle"] },
      at("02:40"),
    );
    await runWebhookWorkerOnce({ now: at("02:41") });
    const ended = JSON.parse(hook.received[1]!.body);
    expect(ended).toMatchObject({
      type: "waking.ended",
      data: { wakingId, minutes: 30, helped: ["bottle"], endedByName: f.partner.name, babyName: "Pip" },
    });
  });

  it("a household without webhooks gets no rows, and a tap sends no extra statement", async () => {
    const actor = await actorOf(f.partner);
    const without = await countQueries(() => startWaking(actor, { householdId: f.householdId }, at("02:00")));
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(0);
    await endWaking(actor, { householdId: f.householdId }, at("02:05"));
    await addWebhook(["waking.started"]);
    const withHook = await countQueries(() => startWaking(actor, { householdId: f.householdId }, at("03:00")));
    expect(withHook.queries).toBe(without.queries);
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(1);
  });

  it("only subscribed events, only this household's endpoints", async () => {
    await addWebhook(["tapout.requested"]);
    const other = await makeFamily(`O${Math.random().toString(36).slice(2, 7)}`);
    await makeBaby(other.householdId);
    await startWaking(await actorOf(other.parent), { householdId: other.householdId }, at("02:00"));
    await startWaking(await actorOf(f.parent), { householdId: f.householdId }, at("02:00"));
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(0);
    const { tapOutId } = await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, at("02:01"));
    await answerTapOut(
      await actorOf(f.partner),
      { householdId: f.householdId, tapOutId, answer: "coming" },
      at("02:02"),
    );
    const rows = await db().webhookDelivery.findMany({ where: mine() });
    expect(rows.map((r) => r.event)).toEqual(["tapout.requested"]);
    expect(rows[0]!.payload).toMatchObject({ data: { tapOutId, requesterName: f.parent.name } });
  });

  it("a rolled-back write enqueues nothing", async () => {
    await addWebhook(["waking.started"]);
    // Fails the night log's receipt update, which runs after the waking and its events were written.
    await db().$executeRawUnsafe(`
      CREATE FUNCTION fail_receipt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER fail_receipt BEFORE UPDATE ON action_receipts FOR EACH ROW EXECUTE FUNCTION fail_receipt()`,
    );
    try {
      const key = crypto.randomUUID();
      await expect(
        startWaking(await actorOf(f.parent), { householdId: f.householdId, clientKey: key }, at("02:00")),
      ).rejects.toThrow(/boom/);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER fail_receipt ON action_receipts`);
      await db().$executeRawUnsafe(`DROP FUNCTION fail_receipt()`);
    }
    expect(await db().waking.count({ where: { householdId: f.householdId } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(0);
  });
});

describe("corrections reach webhooks too (a receiver must be able to undo what it did)", () => {
  const payloads = async () =>
    (await db().webhookDelivery.findMany({ where: mine(), orderBy: { createdAt: "asc" } })).map((r) => r.payload);

  it("undoing 'Back to sleep' reopens, a correction says how it now stands, a removal says it was open", async () => {
    await addWebhook(["waking.reopened", "waking.changed", "waking.removed"]);
    const me = await actorOf(f.partner);
    const { wakingId } = await startWaking(me, mine(), at("02:10"));
    await endWaking(me, { ...mine(), wakingId }, at("02:40"));
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(0); // not subscribed to those two

    await reopenWaking(me, { ...mine(), wakingId }, at("02:41"));
    // Undone again (a second tap of the same undo, another key): it is already open, nothing changed.
    await reopenWaking(me, { ...mine(), wakingId, clientKey: crypto.randomUUID() }, at("02:41"));
    await endWaking(me, { ...mine(), wakingId }, at("02:50"));
    await updateWaking(me, {
      ...mine(),
      wakingId,
      version: String((await db().waking.findUniqueOrThrow({ where: { id: wakingId } })).version),
      responderId: await caregiverIdOf(f.parent),
      start: "02:05",
      end: "02:55",
      helped: "rock",
    });
    const second = await startWaking(me, mine(), at("03:30"));
    await deleteWaking(me, { ...mine(), wakingId: second.wakingId }, at("03:31"));

    const babyId = (await db().baby.findFirstOrThrow({ where: mine() })).id;
    expect(await payloads()).toEqual([
      expect.objectContaining({
        type: "waking.reopened",
        occurredAt: at("02:41").toISOString(),
        data: {
          wakingId,
          babyId,
          babyName: "Pip",
          startedAt: at("02:10").toISOString(),
          reopenedByName: f.partner.name,
        },
      }),
      expect.objectContaining({
        type: "waking.changed",
        data: {
          wakingId,
          babyId,
          babyName: "Pip",
          responderName: f.parent.name,
          startedAt: at("02:05").toISOString(),
          endedAt: at("02:55").toISOString(),
          helped: ["rock"],
          changedByName: f.partner.name,
        },
      }),
      expect.objectContaining({
        type: "waking.removed",
        occurredAt: at("03:31").toISOString(),
        data: {
          wakingId: second.wakingId,
          babyId,
          babyName: "Pip",
          startedAt: at("03:30").toISOString(),
          wasOpen: true,
          removedByName: f.partner.name,
        },
      }),
    ]);
  });

  it("an undo of 'I'm up' sends no extra statement for a webhook", async () => {
    const me = await actorOf(f.partner);
    const undo = async () => {
      const { wakingId } = await startWaking(me, mine(), at("02:00"));
      return countQueries(() => deleteWaking(me, { ...mine(), wakingId }, at("02:01")));
    };
    const without = await undo();
    await addWebhook(["waking.removed"]);
    const withHook = await undo();
    expect(withHook.queries).toBe(without.queries);
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(1);
  });

  it("every event in the list can be subscribed to (the table's CHECK allows the same set)", async () => {
    const { id } = await addWebhook([...WEBHOOK_EVENTS]);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).events).toEqual([...WEBHOOK_EVENTS]);
  });
});

describe("retries", () => {
  it("a 500 is retried after 30 s, then delivered on the next run", async () => {
    await addWebhook(["tapout.requested"]);
    hook.answer(500);
    const t = at("03:00");
    await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, t);
    expect(await runWebhookWorkerOnce({ now: t })).toMatchObject({ claimed: 1, retried: 1 });
    let row = await db().webhookDelivery.findFirstOrThrow({ where: mine() });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "answered 500" });
    expect(row.nextAttemptAt).toEqual(plus(t, 30));
    expect(await runWebhookWorkerOnce({ now: plus(t, 29) })).toMatchObject({ claimed: 0 });
    hook.answer(204);
    expect(await runWebhookWorkerOnce({ now: plus(t, 30) })).toMatchObject({ claimed: 1, delivered: 1 });
    row = await db().webhookDelivery.findFirstOrThrow({ where: mine() });
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204, lastError: null });
    // The same delivery id and body both times: a receiver can dedupe.
    expect(hook.received[0]!.body).toBe(hook.received[1]!.body);
    expect(hook.received[0]!.headers["attune-delivery"]).toBe(hook.received[1]!.headers["attune-delivery"]);
  });

  it("backs off 30 s, 2 min, 10 min, 1 h, 6 h, then fails; a redirect is not followed", async () => {
    await addWebhook(["tapout.requested"]);
    hook.answer(302, { location: "http://169.254.169.254/latest/meta-data/" });
    let now = at("03:00");
    await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, now);
    const waits: number[] = [];
    for (let i = 0; i <= WEBHOOK_RETRY.length; i++) {
      await runWebhookWorkerOnce({ now });
      const row = await db().webhookDelivery.findFirstOrThrow({ where: mine() });
      if (row.status === "pending") waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 1000);
      now = row.nextAttemptAt;
    }
    expect(waits).toEqual([30, 120, 600, 3600, 21600]);
    const row = await db().webhookDelivery.findFirstOrThrow({ where: mine() });
    expect(row).toMatchObject({ status: "failed", attempts: 6, lastStatusCode: 302 });
    expect(row.lastError).toMatch(/redirects are not followed/);
    expect(hook.received).toHaveLength(6);
    expect(await runWebhookWorkerOnce({ now: plus(now, 86_400) })).toMatchObject({ claimed: 0 });
  });

  it("a removed webhook's pending deliveries go with it", async () => {
    const { id } = await addWebhook(["tapout.requested"]);
    await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, at("03:00"));
    await removeWebhook(await actorOf(f.partner), { householdId: f.householdId, webhookId: id });
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(0);
    expect(await runWebhookWorkerOnce({ now: at("03:01") })).toMatchObject({ claimed: 0 });
  });
});

describe("a turned-off webhook (disabled_at)", () => {
  it("gets nothing new, and what was waiting fails without being sent", async () => {
    const { id } = await addWebhook(["tapout.requested"]);
    const { tapOutId } = await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, at("03:00"));
    await db().webhookEndpoint.update({ where: { id }, data: { disabledAt: at("03:00") } });
    await answerTapOut(await actorOf(f.partner), { householdId: f.householdId, tapOutId, answer: "cant" }, at("03:01"));
    await requestTapOut(await actorOf(f.partner), { householdId: f.householdId }, at("03:02"));
    expect(await runWebhookWorkerOnce({ now: at("03:03") })).toMatchObject({ claimed: 1, failed: 1 });
    expect(hook.received).toHaveLength(0);
    const rows = await db().webhookDelivery.findMany({ where: mine() });
    expect(rows).toEqual([
      expect.objectContaining({ status: "failed", attempts: 0, lastError: "the webhook was turned off" }),
    ]);
  });
});

describe("pausing a webhook", () => {
  it("sends nothing while paused (what was waiting fails unsent), refuses a test event in plain words, and resumes", async () => {
    const { id } = await addWebhook(["waking.started"]);
    const parent = await actorOf(f.parent);
    const ref = { householdId: f.householdId, webhookId: id };
    const first = await startWaking(parent, mine(), at("02:00")); // waiting when the pause comes
    await pauseWebhook(parent, { ...ref, to: "pause" }, at("02:01"));
    await pauseWebhook(parent, { ...ref, to: "pause" }, at("02:02")); // a second tap keeps "paused since"
    expect((await listWebhooks(parent, mine()))[0]!.pausedAt).toEqual(at("02:01"));
    await endWaking(parent, { ...mine(), wakingId: first.wakingId }, at("02:02"));
    const second = await startWaking(parent, mine(), at("02:03")); // while paused: not kept
    await expect(sendTestWebhook(parent, ref, at("02:04"))).rejects.toMatchObject({
      code: "invalid",
      message: "This webhook is paused. Resume it to send a test event.",
    });
    await runWebhookWorkerOnce({ now: at("02:05") });
    expect(hook.received).toHaveLength(0);
    expect((await db().webhookDelivery.findMany({ where: mine() })).map((d) => d.status)).toEqual(["failed"]);

    await pauseWebhook(parent, { ...ref, to: "resume" }, at("02:10"));
    expect((await listWebhooks(parent, mine()))[0]!.pausedAt).toBeNull();
    await endWaking(parent, { ...mine(), wakingId: second.wakingId }, at("02:10"));
    await startWaking(parent, mine(), at("02:11"));
    await runWebhookWorkerOnce({ now: at("02:12") });
    expect(hook.received.map((r) => r.headers["attune-event"])).toEqual(["waking.started"]);
  });

  it("refuses anything but pause or resume, and another household's webhook", async () => {
    const { id } = await addWebhook(["tapout.requested"]);
    const parent = await actorOf(f.parent);
    await expect(
      pauseWebhook(parent, { householdId: f.householdId, webhookId: id, to: "off" }, at("02:00")),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { to: [expect.stringMatching(/pause or resume/)] } });
    const other = await makeFamily(`O${Math.random().toString(36).slice(2, 7)}`);
    await expect(
      pauseWebhook(await actorOf(other.parent), { householdId: other.householdId, webhookId: id, to: "pause" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).disabledAt).toBeNull();
  });
});

describe("test events and the list", () => {
  it("sends a webhook.test to that webhook and lists the last deliveries with their status", async () => {
    const { id, secret } = await addWebhook(["swap.requested"]);
    const parent = await actorOf(f.parent);
    const { deliveryId } = await sendTestWebhook(parent, { householdId: f.householdId, webhookId: id }, at("20:00"));
    await runWebhookWorkerOnce({ now: at("20:01") });
    const got = hook.received[0]!;
    expect(verifySignature(secret, got.body, String(got.headers["attune-signature"]))).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      id: deliveryId,
      type: "webhook.test",
      data: { householdName: expect.any(String), sentByName: f.parent.name },
    });
    const [listed] = await listWebhooks(parent, { householdId: f.householdId });
    expect(listed).toMatchObject({
      id,
      name: "Home Assistant",
      events: ["swap.requested"],
      createdByName: f.parent.name,
    });
    expect(listed!.deliveries).toEqual([
      expect.objectContaining({ id: deliveryId, event: "webhook.test", status: "delivered", lastStatusCode: 200 }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await db().webhookEndpoint.findFirstOrThrow({ where: mine() })).sealedSecret).not.toContain(
      secret.slice(6),
    );
  });

  it(`allows ${WEBHOOK_TEST_LIMIT.points} test events per household in ${WEBHOOK_TEST_LIMIT.duration / 60} minutes, then refuses in plain words and sends nothing`, async () => {
    const { id } = await addWebhook(["swap.requested"]);
    const parent = await actorOf(f.parent);
    const send = () => sendTestWebhook(parent, { householdId: f.householdId, webhookId: id }, at("20:00"));
    for (let i = 0; i < WEBHOOK_TEST_LIMIT.points; i++) await send();
    const refused = await send().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "throttled",
      message: expect.stringMatching(/^That's a lot of test events/),
    });
    expect(await db().webhookDelivery.count({ where: mine() })).toBe(WEBHOOK_TEST_LIMIT.points);
    // Real events still go out.
    await addWebhook(["tapout.requested"]);
    await requestTapOut(parent, { householdId: f.householdId }, at("20:01"));
    expect(await db().webhookDelivery.count({ where: { ...mine(), event: "tapout.requested" } })).toBe(1);
  });
});

describe("two workers at once", () => {
  it("send each delivery exactly once", async () => {
    const { id } = await addWebhook(["waking.started"]);
    const parent = await actorOf(f.parent);
    for (let i = 0; i < 6; i++)
      await sendTestWebhook(parent, { householdId: f.householdId, webhookId: id }, at("20:00"));
    const [a, b] = await Promise.all([
      runWebhookWorkerOnce({ now: at("20:01"), batch: 3 }),
      runWebhookWorkerOnce({ now: at("20:01"), batch: 3 }),
    ]);
    expect(a.claimed + b.claimed).toBe(6);
    const ids = hook.received.map((r) => r.headers["attune-delivery"]);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toHaveLength(6);
  });
});

describe("where Attune won't send (server-side request forgery)", () => {
  it("refuses loopback, link-local (cloud metadata), unspecified and multicast; allows the home network", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "169.254.169.254", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1"])
      expect(refusedAddress(a), a).not.toBeNull();
    expect(refusedAddress("::ffff:127.0.0.1")).not.toBeNull();
    expect(refusedAddress("::ffff:a9fe:a9fe")).not.toBeNull();
    for (const a of ["192.168.1.20", "10.0.0.5", "172.16.3.4", "fd12:3456::1", "93.184.216.34"])
      expect(refusedAddress(a), a).toBeNull();
  });

  it("without ATTUNE_WEBHOOK_ALLOW_LOCAL, a delivery to 127.0.0.1 or 169.254.169.254 is refused, never sent", async () => {
    vi.stubEnv("ATTUNE_WEBHOOK_ALLOW_LOCAL", "");
    expect(await postWebhook(hook.url(), "{}", {})).toEqual({ error: expect.stringMatching(/^refused: .*loopback/) });
    expect(await postWebhook("http://169.254.169.254/latest/meta-data/", "{}", {})).toEqual({
      error: expect.stringMatching(/^refused: .*link-local/),
    });
    // A name that resolves to loopback is refused at connect time, by the lookup.
    expect(await postWebhook(`http://localhost.:${new URL(hook.url()).port}/x`, "{}", {})).toMatchObject({
      error: expect.stringMatching(/^refused/),
    });
    expect(hook.received).toHaveLength(0);
  });

  it("a webhook stored for a local address (added while allowed) fails its delivery without sending", async () => {
    await addWebhook(["tapout.requested"]);
    vi.stubEnv("ATTUNE_WEBHOOK_ALLOW_LOCAL", "0");
    await requestTapOut(await actorOf(f.parent), { householdId: f.householdId }, at("03:00"));
    expect(await runWebhookWorkerOnce({ now: at("03:01") })).toMatchObject({ retried: 1 });
    expect(hook.received).toHaveLength(0);
    expect((await db().webhookDelivery.findFirstOrThrow({ where: mine() })).lastError).toMatch(/^refused/);
  });

  it("registration refuses local addresses with a clear message (and bad URLs)", async () => {
    vi.stubEnv("ATTUNE_WEBHOOK_ALLOW_LOCAL", "");
    const parent = await actorOf(f.parent);
    const attempt = (url: string) =>
      createWebhook(parent, { householdId: f.householdId, name: "X", url, events: ["waking.started"] }).then(
        () => null,
        (e: AppError) => e,
      );
    const cases: [string, RegExp][] = [
      ["http://127.0.0.1:8123/api/webhook/x", /loopback/],
      ["http://169.254.169.254/latest", /link-local/],
      ["http://[::1]/x", /loopback/],
      ["http://localhost:8123/", /loopback/],
      ["ftp://example.com/x", /starting with https:\/\//],
      ["javascript:alert(1)", /starting with https:\/\//],
      ["not a url", /starting with https:\/\//],
      ["", /starting with https:\/\//],
      ["https://user:pw@example.com/x", /user name and password/],
    ];
    for (const [url, message] of cases) {
      const e = await attempt(url);
      expect(e, url).toBeInstanceOf(AppError);
      expect(e!.code, url).toBe("invalid");
      expect(e!.fieldErrors?.url?.[0], url).toMatch(message);
    }
    expect(await attempt("http://192.168.1.20:8123/api/webhook/attune")).toBeNull();
    expect(await db().webhookEndpoint.count({ where: mine() })).toBe(1);
  });
});
