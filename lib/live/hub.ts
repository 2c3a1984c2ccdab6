import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { LIVE_CHANNEL } from "@/lib/live/events";
import { parseLiveMessage, type TLiveMessage } from "@/lib/live/message";

// One LISTEN connection per server process, shared by every open stream in
// it: NOTIFY reaches every process (every app instance) connected to the
// database, and each hands the event to its own subscribers of that
// household. Kept on globalThis because Next's dev server re-evaluates
// modules; a second hub would mean a second connection and double delivery.

export type TSubscriber = {
  onEvent: (message: TLiveMessage) => void;
  /**
   * The hub lost its connection and may have missed notifications (it has
   * LISTENed again by now): catch up from the database.
   */
  onGap?: () => void;
};

/** Events older than this are pruned; a client that was away longer resyncs. */
export const RETAIN_HOURS = 24;

const HEALTH_EVERY_MS = 30_000;
const HEALTH_TIMEOUT_MS = 10_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 30_000;

class LiveHub {
  private readonly subscribers = new Map<string, Set<TSubscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private lastPrune = 0;
  private closed = false;
  /** Connected at least once: a later connection follows a possible gap. */
  private everConnected = false;

  constructor(private readonly connectionString: () => string) {}

  /** Starts listening for this household's events; returns the unsubscribe. */
  subscribe(householdId: string, subscriber: TSubscriber): () => void {
    let set = this.subscribers.get(householdId);
    if (!set) this.subscribers.set(householdId, (set = new Set()));
    set.add(subscriber);
    this.closed = false;
    void this.ready().catch(() => {}); // failures are retried with backoff
    return () => {
      const s = this.subscribers.get(householdId);
      if (!s) return;
      s.delete(subscriber);
      if (s.size === 0) this.subscribers.delete(householdId);
    };
  }

  /** Resolves once LISTEN is active (rejects if this attempt fails; a retry follows). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Open streams in this process (for the benchmark and tests). */
  stats() {
    let subscribers = 0;
    for (const s of this.subscribers.values()) subscribers += s.size;
    return { households: this.subscribers.size, subscribers, connected: Boolean(this.client) };
  }

  /** Ends the connection and forgets every subscriber (tests; process shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    this.clearTimers();
    await this.connecting?.catch(() => {});
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }

  /** Drops the connection as if the network had failed (tests). */
  simulateConnectionLoss(): void {
    const c = this.client;
    if (c) this.lost(c, new Error("simulated connection loss"));
  }

  private async connect(): Promise<void> {
    this.clearTimer("retry");
    const client = new pg.Client({
      connectionString: this.connectionString(),
      keepAlive: true,
      application_name: "attune-live",
    });
    // Without a listener, an error on an idle connection (Postgres restarted,
    // network gone) would be an uncaught 'error' event and end the process.
    client.on("error", (e) => this.lost(client, e));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    client.on("notification", (n) => {
      if (n.channel === LIVE_CHANNEL) this.dispatch(n.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
      this.scheduleRetry(e as Error);
      throw e;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.failures = 0;
    this.startHealthChecks(client);
    if (this.everConnected) this.signalGap();
    this.everConnected = true;
    void this.prune(client);
  }

  private lost(client: pg.Client, e: Error): void {
    if (this.client !== client) return; // an old client's late events
    this.client = null;
    this.clearTimer("health");
    client.removeAllListeners("notification");
    client.end().catch(() => {});
    if (this.closed) return;
    console.warn(`[live] LISTEN connection lost (${e.message}); reconnecting`);
    this.scheduleRetry(e);
  }

  private scheduleRetry(e: Error): void {
    if (this.closed || this.retryTimer) return;
    // Keep trying while anyone listens; otherwise the next subscribe reconnects.
    if (this.subscribers.size === 0) return;
    this.failures++;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (this.failures - 1));
    const delay = base / 2 + Math.random() * (base / 2);
    if (this.failures > 1)
      console.warn(`[live] reconnect attempt ${this.failures} in ${Math.round(delay)} ms (${e.message})`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ready().catch(() => {});
    }, delay);
    this.retryTimer.unref();
  }

  /**
   * A LISTEN connection can die without an error (a NAT or proxy dropping it
   * silently); notifications would then just stop. A small query now and
   * then finds out, and pruning old events rides along.
   */
  private startHealthChecks(client: pg.Client): void {
    this.clearTimer("health");
    this.healthTimer = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("health check timed out")), HEALTH_TIMEOUT_MS);
      });
      Promise.race([client.query("SELECT 1"), timeout])
        .then(() => this.prune(client))
        .catch((e: Error) => this.lost(client, e))
        .finally(() => clearTimeout(timer));
    }, HEALTH_EVERY_MS);
    this.healthTimer.unref();
  }

  /** At most once an hour per process (every instance prunes; the work is tiny). */
  private async prune(client: pg.Client): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await pruneLiveEvents(client).catch((e: Error) => console.warn(`[live] pruning old events failed: ${e.message}`));
  }

  private dispatch(payload: string | undefined): void {
    const message = parseLiveMessage(payload);
    if (!message) return;
    const set = this.subscribers.get(message.householdId);
    if (!set) return;
    for (const s of [...set]) {
      try {
        s.onEvent(message);
      } catch (e) {
        console.error("[live] a subscriber failed", e);
      }
    }
  }

  private signalGap(): void {
    for (const set of this.subscribers.values()) {
      for (const s of [...set]) {
        try {
          s.onGap?.();
        } catch (e) {
          console.error("[live] a subscriber failed on catch-up", e);
        }
      }
    }
  }

  private clearTimer(which: "retry" | "health"): void {
    if (which === "retry" && this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (which === "health" && this.healthTimer) {
      clearInterval(this.healthTimer);
      this.healthTimer = null;
    }
  }

  private clearTimers(): void {
    this.clearTimer("retry");
    this.clearTimer("health");
  }
}

/**
 * Deletes events older than RETAIN_HOURS; returns how many. Ids grow with
 * time, so the cut is found by walking the primary key from the oldest row
 * and the delete is a key range: cheap however big the table.
 */
export async function pruneLiveEvents(client: Pick<pg.Client, "query">, retainHours = RETAIN_HOURS): Promise<number> {
  const res = await client.query(
    `DELETE FROM live_events WHERE id < COALESCE(
       (SELECT id FROM live_events WHERE created_at >= now() - make_interval(hours => $1) ORDER BY id LIMIT 1),
       (SELECT max(id) + 1 FROM live_events))`,
    [retainHours],
  );
  return res.rowCount ?? 0;
}

const globalForHub = globalThis as unknown as { attuneLiveHub?: LiveHub };

/** This process's hub, created on first use (connects on first subscribe). */
export function liveHub(): LiveHub {
  globalForHub.attuneLiveHub ??= new LiveHub(() => env().DATABASE_URL);
  return globalForHub.attuneLiveHub;
}

/**
 * A hub of its own, as a second app instance would have (tests): its own
 * LISTEN connection, closed with `close()`.
 */
export function createLiveHub(connectionString: () => string): LiveHub {
  return new LiveHub(connectionString);
}

/** Receives this household's events until the returned function is called. */
export function subscribe(
  householdId: string,
  onEvent: TSubscriber["onEvent"],
  opts: { onGap?: () => void } = {},
): () => void {
  return liveHub().subscribe(householdId, { onEvent, onGap: opts.onGap });
}

/** Stops this process's hub (tests, shutdown). A later subscribe starts it again. */
export async function closeHub(): Promise<void> {
  await globalForHub.attuneLiveHub?.close();
}

export type { LiveHub };
