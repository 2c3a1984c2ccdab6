import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { msg } from "@/lib/i18n/text";

// The phone's queue of night-log taps (issue #9): a tap that could not reach
// Attune waits here, in IndexedDB, and is sent in order to POST /api/log/replay
// when the connection returns (Background Sync where the browser has it,
// otherwise on `online`, on focus, or on the next load). Every action carries
// the key the phone made for it, so sending one twice does no harm: the server
// answers the first result again (lib/log/receipts.ts).
//
// Pure client code that must also run inside a service worker: nothing here
// touches `window` or `document` when the module loads.

export type TQueuedKind = "start" | "end" | "undoStart" | "undoEnd" | "tapOut" | "answer";

export type TQueuedAction = {
  key: string;
  householdId: string;
  kind: TQueuedKind;
  /** When the person tapped (ISO). The server records this, not the arrival. */
  tappedAt: string;
  fields: Record<string, string | string[]>;
  /** Order of the taps on this phone. */
  seq: number;
};

export type TQueueEvent =
  | { type: "changed" }
  | { type: "sent"; action: TQueuedAction; data: unknown }
  /** The server refused it: it did not happen. The UI says so. */
  | { type: "refused"; action: TQueuedAction; code: string; message: string };

type TOutcome = { key: string; ok: boolean; data?: unknown; code?: string; message?: string; retry?: boolean };

interface IOfflineDb extends DBSchema {
  "night-log": { key: string; value: TQueuedAction };
}

export const DB_NAME = "attune-offline";
export const STORE = "night-log";
export const CHANNEL = "attune-offline";
export const SYNC_TAG = "attune-night-log";
export const FLUSH_LOCK = "attune-flush";
const REPLAY_URL = "/api/log/replay";
const BATCH = 50;

let dbPromise: Promise<IDBPDatabase<IOfflineDb>> | null = null;
function database(): Promise<IDBPDatabase<IOfflineDb>> | null {
  if (typeof indexedDB === "undefined") return null;
  dbPromise ??= openDB<IOfflineDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "key" });
    },
  });
  return dbPromise;
}

const listeners = new Set<(e: TQueueEvent) => void>();
let channel: BroadcastChannel | null = null;
function broadcast(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === "undefined") return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (m: MessageEvent<TQueueEvent>) => deliver(m.data);
  return channel;
}

function deliver(e: TQueueEvent) {
  for (const l of listeners) {
    try {
      l(e);
    } catch (err) {
      console.error(err);
    }
  }
}

/** Tells this tab's listeners and the other tabs'. */
function emit(e: TQueueEvent) {
  deliver(e);
  try {
    broadcast()?.postMessage(e);
  } catch {
    // A closed channel (a worker shutting down) only means the other tabs look again on focus.
  }
}

/** Listens to the queue: changes, actions sent, and actions the server refused. Returns the unsubscribe. */
export function subscribe(listener: (e: TQueueEvent) => void): () => void {
  broadcast();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastSeq = 0;
/** Puts a tap in the queue (its key makes a second put of the same tap harmless). */
export async function enqueue(action: Omit<TQueuedAction, "seq"> & { seq?: number }): Promise<void> {
  const db = database();
  if (!db) return;
  lastSeq = Math.max(Date.now() * 1000, lastSeq + 1);
  await (await db).put(STORE, { ...action, seq: action.seq ?? lastSeq });
  emit({ type: "changed" });
  void registerSync();
}

async function all(): Promise<TQueuedAction[]> {
  const db = database();
  if (!db) return [];
  return (await (await db).getAll(STORE)).sort((a, b) => a.seq - b.seq);
}

/** The taps waiting to be sent for a household, in the order they were made. */
export async function pending(householdId?: string): Promise<TQueuedAction[]> {
  return (await all()).filter((a) => !householdId || a.householdId === householdId);
}

async function remove(key: string) {
  const db = database();
  if (db) await (await db).delete(STORE, key);
}

/** Asks the browser to flush when it is back online, even with the page closed (Background Sync). */
export async function registerSync(): Promise<void> {
  try {
    if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
    const reg = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(SYNC_TAG);
  } catch {
    // No Background Sync (or not allowed): online, focus and load still flush.
  }
}

/** Sends one household's batch; null when the network (or the server) failed and it should wait. */
async function send(householdId: string, batch: TQueuedAction[]): Promise<TOutcome[] | null> {
  let res: Response;
  try {
    res = await fetch(REPLAY_URL, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        householdId,
        actions: batch.map(({ key, kind, tappedAt, fields }) => ({ key, kind, tappedAt, fields })),
      }),
    });
  } catch {
    return null;
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { results?: TOutcome[] } | null;
    return body?.results ?? null;
  }
  // Signed out, or the server is struggling: keep the taps for later.
  if (res.status === 401 || res.status >= 500 || res.status === 429) return null;
  // Refused as a whole (no longer a member, or a body the server cannot read): these taps will never be taken.
  const body = (await res.json().catch(() => null)) as { error?: string; code?: string } | null;
  return batch.map((a) => ({
    key: a.key,
    ok: false,
    code: body?.code ?? "invalid",
    // The server's words are the asker's already; without them, a reference the night log puts into words.
    message: body?.error ?? msg("log.replay.refused"),
  }));
}

async function flushNow(): Promise<void> {
  const queued = await all();
  const households = [...new Set(queued.map((a) => a.householdId))];
  for (const householdId of households) {
    const mine = queued.filter((a) => a.householdId === householdId);
    for (let i = 0; i < mine.length; i += BATCH) {
      const batch = mine.slice(i, i + BATCH);
      const outcomes = await send(householdId, batch);
      if (!outcomes) return;
      let stop = false;
      for (const action of batch) {
        const o = outcomes.find((x) => x.key === action.key);
        if (!o || o.retry) {
          stop = true;
          break;
        }
        await remove(action.key);
        if (o.ok) emit({ type: "sent", action, data: o.data });
        else emit({ type: "refused", action, code: o.code ?? "invalid", message: o.message ?? "" });
      }
      emit({ type: "changed" });
      if (stop) return;
    }
  }
}

let inFlight: Promise<void> | null = null;
/**
 * Sends what waits, in order, and removes what the server acknowledged
 * (refusals included: they are reported to listeners). A network failure
 * keeps the rest for next time. One flush at a time in this tab, and across
 * tabs and the service worker through the Web Locks API where there is one.
 */
export function flushQueue(): Promise<void> {
  inFlight ??= (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      if (locks?.request) await locks.request(FLUSH_LOCK, () => flushNow());
      else await flushNow();
    } catch (e) {
      console.error("flushQueue", e);
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** After a flush that left taps waiting while the browser says it is online: try again after these pauses (the last repeats). */
export const RETRY_MS = [2_000, 5_000, 10_000, 30_000] as const;

type TAutoFlushDeps = {
  flush: () => Promise<void>;
  /** How many taps still wait (any household). */
  waiting: () => Promise<number>;
  online: () => boolean;
  /** Calls `fn` whenever the queue changed (a tap was put in it); returns the unsubscribe. */
  changed?: (fn: () => void) => () => void;
};

const pageDeps: TAutoFlushDeps = {
  flush: flushQueue,
  waiting: async () => (await all()).length,
  online: () => typeof navigator === "undefined" || navigator.onLine,
  changed: (fn) => subscribe((e) => e.type === "changed" && fn()),
};

/**
 * In a page: flush now (the next load), when the browser is back online and
 * when the window gets focus. Returns the cleanup. (A service worker wires its
 * `sync` event for SYNC_TAG to flushQueue instead.)
 *
 * A flush can fail although the browser says it is online: the first request
 * after a phone rejoins Wi-Fi often does, and the server may be restarting.
 * Then taps waited for the next `online` or focus, which may never come while
 * the phone lies on the bedside table. So while taps wait and the browser is
 * online, it tries again after 2, 5, 10, then every 30 seconds.
 */
export function startAutoFlush(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  deps: TAutoFlushDeps = pageDeps,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;
  const run = async () => {
    clearTimeout(timer);
    timer = undefined;
    await deps.flush();
    const left = await deps.waiting().catch(() => 0);
    if (stopped || timer) return;
    if (left > 0 && deps.online()) {
      timer = setTimeout(() => void run(), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
      attempt++;
    } else attempt = 0;
  };
  const flush = () => {
    attempt = 0;
    void run();
  };
  target.addEventListener("online", flush);
  target.addEventListener("focus", flush);
  // A tap queued while the browser says it is online (the server restarting,
  // its database away for a moment) has no `online` event coming either: the
  // first try is 2 s after it was queued, and the pauses above follow.
  // (A flush that took taps out changes the queue too: only a queue with taps in it is tried again.)
  const unsubscribe = deps.changed?.(() => {
    if (stopped || timer) return;
    void deps.waiting().then(
      (left) => {
        if (stopped || timer || !left || !deps.online()) return;
        attempt = 1;
        timer = setTimeout(() => void run(), RETRY_MS[0]);
      },
      () => undefined,
    );
  });
  flush();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe?.();
    target.removeEventListener("online", flush);
    target.removeEventListener("focus", flush);
  };
}
