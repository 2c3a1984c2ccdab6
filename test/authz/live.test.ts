// The live event stream (GET /api/live): only signed-in members, only their
// own household's events, closed when membership or session ends, and
// catch-up from Last-Event-ID.
import { afterAll, afterEach, beforeEach, expect, it, vi } from "vitest";
import { GET as live } from "@/app/api/live/route";
import { getDb } from "@/lib/db";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { leaveHousehold, removeMember } from "@/lib/household/members";
import { publish, type TLiveEventType } from "@/lib/live/events";
import { fromCursor, toCursor } from "@/lib/live/cursor";
import { closeHub, liveHub } from "@/lib/live/hub";
import { openLiveStream } from "@/lib/live/stream";
import { actorOf, caregiverIdOf, dumpTables, makeFamily, signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

let a: Awaited<ReturnType<typeof makeFamily>>;
let b: Awaited<ReturnType<typeof makeFamily>>;
const open: TStream[] = [];
/**
 * The families' join events, ignored by the reader: they are backdated out
 * of the replay margin, but their NOTIFY, sent before the test connects, may
 * still be on its way to the hub and arrive live.
 */
let joinEvents = new Set<string>();

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  await backdateEvents();
  joinEvents = new Set((await getDb().liveEvent.findMany({ select: { id: true } })).map((e) => e.id.toString()));
});
afterEach(() => {
  for (const s of open.splice(0)) s.abort();
});
afterAll(async () => {
  await closeHub();
});

type TSse = {
  /** The event id behind the stream's opaque cursor (the raw `id:` line is kept in `cursor`). */
  id?: string;
  cursor?: string;
  event?: string;
  data?: { id: string; type: string; ids?: string[]; actorCaregiverId?: string };
};
type TStream = {
  messages: TSse[];
  text: () => string;
  ended: () => boolean;
  /** Heartbeats received: each one is sent only after the session and membership were confirmed. */
  pings: () => number;
  waitFor: (pred: (m: TSse) => boolean, what: string, ms?: number) => Promise<TSse>;
  waitForEnd: (ms?: number) => Promise<void>;
  waitForPings: (n: number, ms?: number) => Promise<void>;
  abort: () => void;
};

/** Cursors are opaque and per household (lib/live/cursor.ts): read them back as event ids, for either family. */
function eventIdOf(cursor: string): string {
  return String(fromCursor(a.householdId, cursor) ?? fromCursor(b.householdId, cursor) ?? `opaque:${cursor}`);
}

function backdateEvents() {
  return getDb().liveEvent.updateMany({ data: { createdAt: new Date(Date.now() - 3600_000) } });
}

/** Reads an SSE body as it arrives, with timeouts; aborted after each test. */
function readSse(body: ReadableStream<Uint8Array>, abort: () => void): TStream {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const messages: TSse[] = [];
  let raw = "";
  let buffer = "";
  let ended = false;
  let pings = 0;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const chunk = decoder.decode(value, { stream: true });
        raw += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const m: TSse = {};
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) [m.cursor, m.id] = [line.slice(4), eventIdOf(line.slice(4))];
            else if (line.startsWith("event: ")) m.event = line.slice(7);
            else if (line.startsWith("data: ")) m.data = JSON.parse(line.slice(6));
          }
          if (m.data?.id) m.data.id = eventIdOf(m.data.id);
          if (m.event === "ping") pings++;
          const control = m.data?.type === "closed" || m.data?.type === "resync";
          if (m.data && m.event !== "ping" && (control || !joinEvents.has(m.data.id))) messages.push(m);
        }
      }
    } catch {
      /* aborted */
    } finally {
      ended = true;
    }
  })();
  const until = async (cond: () => boolean, what: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got:\n${raw}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const stream: TStream = {
    messages,
    text: () => raw,
    ended: () => ended,
    pings: () => pings,
    async waitFor(pred, what, ms = 5_000) {
      await until(() => messages.some(pred), what, ms);
      return messages.find(pred)!;
    },
    waitForEnd: (ms = 5_000) => until(() => ended, "the stream to end", ms),
    waitForPings: (n, ms = 5_000) => until(() => pings >= n || ended, `${n} heartbeats`, ms),
    abort,
  };
  open.push(stream);
  return stream;
}

async function connect(headers: Record<string, string> = {}, query = "") {
  const controller = new AbortController();
  const res = await live(new Request(`http://localhost/api/live${query}`, { headers, signal: controller.signal }));
  if (res.status !== 200) return { res, stream: null };
  // Subscribed, and the hub LISTENing, before the route answers: nothing published from here on is missed.
  return { res, stream: readSse(res.body!, () => controller.abort()) };
}

const send = (householdId: string, type: TLiveEventType = "shift.changed", ids: string[] = []) =>
  getDb().$transaction((tx) => publish(tx, { type, householdId, ids }));

const forEvent = (id: string) => (m: TSse) => m.data?.id === id;

describeRoute("GET /api/live", () => {
  it("refuses a signed-out visitor with 401 and no stream", async () => {
    await signInAs(null);
    const before = await dumpTables();
    const { res } = await connect();
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ code: "unauthenticated" });
    expect(await dumpTables()).toEqual(before);
  });

  it("refuses a signed-in user without a household with 403", async () => {
    await leaveHousehold(await actorOf(a.helper), { householdId: a.householdId });
    await signInAs(a.helper);
    const { res } = await connect();
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
  });

  it("streams the member's own household's events, never another household's", async () => {
    await signInAs(a.partner);
    const { res, stream } = await connect();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const theirs = await send(b.householdId, "waking.started", ["secret-of-b"]);
    const mine = await send(a.householdId, "waking.started", ["w-a"]);
    const m = await stream!.waitFor(forEvent(mine), "A's event");
    expect(m).toMatchObject({ id: mine, data: { id: mine, type: "waking.started", ids: ["w-a"] } });
    // B's committed first, so it would have arrived first.
    expect(stream!.messages.map((x) => x.data!.id)).not.toContain(theirs);
    expect(stream!.text()).not.toContain("secret-of-b");
    expect(stream!.text()).not.toContain(b.householdId);
  });

  it("a member of another household can't pick a household: the stream is always their own", async () => {
    await signInAs(b.parent);
    const { stream } = await connect({}, `?householdId=${a.householdId}`);
    const theirs = await send(a.householdId);
    const mine = await send(b.householdId);
    await stream!.waitFor(forEvent(mine), "B's own event");
    expect(stream!.messages.map((x) => x.data!.id)).not.toContain(theirs);
  });

  it("closes a removed member's open stream at once", async () => {
    await signInAs(a.helper);
    const { stream } = await connect();
    const before = await send(a.householdId);
    await stream!.waitFor(forEvent(before), "an event while still a member");
    await removeMember(await actorOf(a.parent), {
      householdId: a.householdId,
      caregiverId: await caregiverIdOf(a.helper),
    });
    await stream!.waitFor((m) => m.data?.type === "closed", "the closing message");
    await stream!.waitForEnd();
    // Not the household.changed of the removal, nor anything after it.
    expect(stream!.messages.map((m) => m.data!.type)).toEqual(["shift.changed", "closed"]);
  });

  it("a member who stays sees the removal as household.changed naming the removed caregiver", async () => {
    await signInAs(a.partner);
    const { stream } = await connect();
    const helperId = await caregiverIdOf(a.helper);
    await removeMember(await actorOf(a.parent), { householdId: a.householdId, caregiverId: helperId });
    const m = await stream!.waitFor((x) => x.data?.type === "household.changed", "household.changed");
    expect(m.data).toMatchObject({ ids: [helperId], actorCaregiverId: await caregiverIdOf(a.parent) });
    expect(stream!.ended()).toBe(false);
  });

  it("replays what was missed after Last-Event-ID (header or ?after=), in order", async () => {
    const e1 = await send(a.householdId, "shift.changed", ["s1"]);
    const e2 = await send(a.householdId, "waking.started", ["w2"]);
    await send(b.householdId); // not theirs
    const e3 = await send(a.householdId, "waking.ended", ["w2"]);
    await signInAs(a.parent);
    const ways: { headers: Record<string, string>; query: string }[] = [
      { headers: { "last-event-id": toCursor(a.householdId, BigInt(e1)) }, query: "" },
      { headers: {}, query: `?after=${toCursor(a.householdId, BigInt(e1))}` },
    ];
    for (const how of ways) {
      await backdateEvents(); // out of the "last few seconds" margin: only Last-Event-ID decides
      const { stream } = await connect(how.headers, how.query);
      await stream!.waitFor(forEvent(e3), "the replayed events");
      expect(stream!.messages.map((m) => [m.id, m.data!.type])).toEqual([
        [e2, "waking.started"],
        [e3, "waking.ended"],
      ]);
      // Then live, as usual.
      const e4 = await send(a.householdId);
      await stream!.waitFor(forEvent(e4), "a live event after the replay");
      stream!.abort();
      await getDb().liveEvent.delete({ where: { id: BigInt(e4) } });
    }
  });

  it("on a first connection, replays the last few seconds (a page rendered just before its stream opened)", async () => {
    const recent = await send(a.householdId, "swap.changed", ["sw1"]);
    await signInAs(a.partner);
    const { stream } = await connect();
    const m = await stream!.waitFor(forEvent(recent), "the recent event");
    expect(m.data).toEqual({ id: recent, type: "swap.changed", ids: ["sw1"] });
  });

  it("asks for a full refetch when the client was away longer than events are kept", async () => {
    const e1 = await send(a.householdId);
    await send(a.householdId);
    await getDb().liveEvent.deleteMany({ where: { id: { lte: BigInt(e1) } } }); // pruned
    await signInAs(a.parent);
    const { stream } = await connect({ "last-event-id": toCursor(a.householdId, BigInt(e1)) });
    const m = await stream!.waitFor((x) => x.data?.type === "resync", "resync");
    expect(BigInt(m.id!)).toBeGreaterThan(BigInt(e1));
  });

  it("tells nothing about other households: ids are opaque per household, a made-up or foreign cursor is no cursor", async () => {
    // Another household is busy; ours has one event.
    for (let i = 0; i < 5; i++) await send(b.householdId);
    const ours = await send(a.householdId, "note.changed");
    await signInAs(a.parent);
    // The outside probe's "Last-Event-ID: 999999999999" (and B's own cursor) counts as none:
    // no resync carrying the site's newest id, just our household's recent events.
    const newestOfB = (
      await getDb().liveEvent.findFirstOrThrow({ where: { householdId: b.householdId }, orderBy: { id: "desc" } })
    ).id;
    for (const probe of ["999999999999", toCursor(b.householdId, newestOfB)]) {
      const { stream } = await connect({ "last-event-id": probe });
      await stream!.waitFor(forEvent(ours), "our own recent event");
      expect(stream!.messages.map((x) => x.data!.type)).not.toContain("resync");
      // Each id on the wire is a cursor that only our household's key opens.
      for (const x of stream!.messages) if (x.cursor) expect(fromCursor(a.householdId, x.cursor)).not.toBeNull();
      stream!.abort();
    }
    // A cursor of ours past anything we have (a reset database): resync to our own newest event, not the site's.
    const { stream } = await connect({ "last-event-id": toCursor(a.householdId, newestOfB + 1000n) });
    const m = await stream!.waitFor((x) => x.data?.type === "resync", "resync");
    expect(m.id).toBe(ours);
  });

  it("ignores a malformed Last-Event-ID", async () => {
    await signInAs(a.parent);
    const { res, stream } = await connect({ "last-event-id": "1; DROP TABLE live_events" });
    expect(res.status).toBe(200);
    const e = await send(a.householdId);
    await stream!.waitFor(forEvent(e), "a live event");
  });

  it("closes the stream at the next heartbeat once the session was signed out everywhere", async () => {
    const actor = await actorOf(a.partner);
    const controller = new AbortController();
    const body = await openLiveStream({
      actor,
      membership: actor.membership!,
      after: null,
      signal: controller.signal,
      heartbeatMs: 100,
    });
    const stream = readSse(body!, () => controller.abort());
    // A few heartbeats, each sent only after confirming the session: the stream stays open while it holds.
    await stream.waitForPings(3);
    expect(stream.ended()).toBe(false);
    expect(stream.messages.map((m) => m.data?.type)).not.toContain("closed");
    await signOutEverywhere(actor, {});
    await stream.waitFor((m) => m.data?.type === "closed", "the closing message");
    await stream.waitForEnd();
  });

  it("lets go of the subscription when the client goes away", async () => {
    await signInAs(a.parent);
    const before = liveHub().stats().subscribers;
    const { stream } = await connect();
    expect(liveHub().stats().subscribers).toBe(before + 1);
    stream!.abort();
    await stream!.waitForEnd();
    expect(liveHub().stats().subscribers).toBe(before);
  });
});
