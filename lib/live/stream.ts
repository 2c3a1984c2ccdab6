import "server-only";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { toCursor } from "@/lib/live/cursor";
import { liveHub } from "@/lib/live/hub";
import type { TLiveMessage } from "@/lib/live/message";

// One caregiver's event stream (Server-Sent Events), as served by
// app/api/live/route.ts. Order of work, so nothing falls between the cracks:
// subscribe to the hub (live events wait in a queue), make sure LISTEN is
// active, then replay from the database what the client missed, then the
// queue. Ids already sent are skipped, so an event that is both replayed and
// notified arrives once.

/** At most this many events are replayed; beyond, the client is told to refetch everything. */
export const REPLAY_LIMIT = 200;
/**
 * Also replayed: events of the last few seconds, even with ids at or below
 * Last-Event-ID, and on a first connection. Ids are taken at insert but
 * transactions commit in any order, so an event with a lower id can arrive
 * after a higher one; and a page rendered just before its stream opened may
 * have missed an event. Repeats are harmless: the client skips ids it has seen.
 */
export const REPLAY_MARGIN_SECONDS = 15;
/** Keeps proxies from closing an idle stream, and lets the client notice a dead one. */
export const HEARTBEAT_MS = 20_000;
/** Queued chunks a client may leave unread before we give up on it. */
const MAX_BACKLOG = 500;
const SEEN_LIMIT = 1_000;

export type TLiveStreamOptions = {
  actor: TActor;
  membership: TMembership;
  /** The event id behind the client's Last-Event-ID (lib/live/cursor.ts), if it sent a valid one. */
  after: bigint | null;
  signal: AbortSignal;
  heartbeatMs?: number;
};

/**
 * The stream for this caregiver's household, or null when the live channel
 * is unavailable (the database can't be reached): answer 503 and let the
 * client retry.
 */
export async function openLiveStream(opts: TLiveStreamOptions): Promise<ReadableStream<Uint8Array> | null> {
  const session = new LiveSession(opts);
  try {
    await liveHub().ready();
  } catch {
    session.dispose();
    return null;
  }
  return session.readable;
}

type TRow = { id: bigint; type: string; ids: string[] | null; actor_caregiver_id: string | null };

const encoder = new TextEncoder();

class LiveSession {
  readonly readable: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly queue: TLiveMessage[] = [];
  /** Highest id sent: what the client's Last-Event-ID will be. */
  private maxSent: bigint | null;
  private readonly seen = new Set<string>();
  private needCatchUp = true;
  private initial = true;
  private pumping = false;
  private closed = false;

  constructor(private readonly opts: TLiveStreamOptions) {
    this.maxSent = opts.after;
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
        // A reconnect delay for the browser, and a first byte so every proxy
        // (and Next) sends the headers now.
        this.write(`retry: 3000\n: connected\n\n`);
      },
      cancel: () => this.dispose(),
    });
    this.unsubscribe = liveHub().subscribe(opts.membership.householdId, {
      onEvent: (m) => {
        this.queue.push(m);
        void this.pump();
      },
      onGap: () => {
        this.needCatchUp = true;
        void this.pump();
      },
    });
    this.heartbeat = setInterval(() => void this.beat(), opts.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref?.();
    if (opts.signal.aborted) this.dispose();
    else opts.signal.addEventListener("abort", () => this.dispose(), { once: true });
    void this.pump();
  }

  /** Stops everything; safe to call twice. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    clearInterval(this.heartbeat);
    this.queue.length = 0;
    try {
      this.controller?.close();
    } catch {
      /* already closed or cancelled */
    }
  }

  /**
   * Sends what is waiting, one batch at a time, in order. Each batch first
   * confirms (one small query) that the caregiver is still a member with the
   * same session: a removed member or a signed-out-everywhere session gets
   * the stream closed instead.
   */
  private async pump(): Promise<void> {
    if (this.pumping || this.closed) return;
    this.pumping = true;
    try {
      while (!this.closed && (this.needCatchUp || this.queue.length)) {
        // Just authenticated by the route: the first catch-up needs no second look.
        if (!this.initial && !(await this.stillAllowed())) return this.end();
        this.initial = false;
        if (this.needCatchUp) {
          this.needCatchUp = false;
          await this.catchUp();
          continue;
        }
        for (const m of this.queue.splice(0)) this.send(m);
      }
    } catch (e) {
      // The database failed under us: end the stream; the browser reconnects and catches up.
      console.warn(`[live] stream ended after an error: ${(e as Error).message}`);
      this.dispose();
    } finally {
      this.pumping = false;
    }
  }

  private async beat(): Promise<void> {
    if (this.closed) return;
    try {
      if (!(await this.stillAllowed())) return this.end();
      // A named event rather than a comment: the browser's EventSource hides
      // comments, and the client's watchdog needs to see that the line is alive.
      this.write(`event: ping\ndata: {}\n\n`);
    } catch {
      this.dispose();
    }
  }

  private async stillAllowed(): Promise<boolean> {
    const { caregiverId, householdId } = this.opts.membership;
    const n = await db.caregiver.count({
      where: {
        id: caregiverId,
        householdId,
        removedAt: null,
        user: {
          id: this.opts.actor.userId,
          sessionVersion: this.opts.actor.sessionVersion,
          sessions: { some: { id: this.opts.actor.sessionId, revokedAt: null } },
        },
      },
    });
    return n === 1 && !this.closed;
  }

  /** What the client missed: after its Last-Event-ID, plus the last few seconds (see REPLAY_MARGIN_SECONDS). */
  private async catchUp(): Promise<void> {
    const householdId = this.opts.membership.householdId;
    const after = this.maxSent;
    if (after !== null) {
      // This household's events only: nothing about other households' traffic
      // may reach the answer (ids come from one sequence for the whole site).
      const [range] = await db.$queryRaw<{ oldest: bigint | null; newest: bigint | null }[]>`
        SELECT min(id) AS oldest, max(id) AS newest FROM live_events WHERE household_id = ${householdId}::uuid`;
      // The event the client saw last is gone (pruned: away too long) or never
      // existed here (another database): it can't know what it missed.
      if (!range?.newest || !range.oldest || after < range.oldest || after > range.newest) {
        return this.resync(range?.newest ?? null);
      }
    }
    const rows = await db.$queryRaw<TRow[]>`
      SELECT id, type, ids, actor_caregiver_id FROM live_events
      WHERE household_id = ${householdId}::uuid
        AND (id > ${after}::bigint
             OR created_at > now() - make_interval(secs => ${REPLAY_MARGIN_SECONDS}))
      ORDER BY id
      LIMIT ${REPLAY_LIMIT + 1}`;
    if (rows.length > REPLAY_LIMIT) return this.resync(rows[rows.length - 1]!.id);
    for (const r of rows) {
      this.send({
        id: r.id.toString(),
        type: r.type,
        householdId,
        ...(r.ids?.length ? { ids: r.ids } : {}),
        ...(r.actor_caregiver_id ? { actorCaregiverId: r.actor_caregiver_id } : {}),
      });
    }
  }

  private send(m: TLiveMessage): void {
    if (this.seen.has(m.id)) return;
    this.remember(m.id);
    const id = BigInt(m.id);
    // Only a higher id moves the client's Last-Event-ID; a late, lower one
    // is still delivered (catch-up covers it with the margin).
    const cursor = this.cursor(id);
    const idLine = this.maxSent === null || id > this.maxSent ? `id: ${cursor}\n` : "";
    if (idLine) this.maxSent = id;
    const { householdId: _h, ...wire } = m;
    this.write(`${idLine}data: ${JSON.stringify({ ...wire, id: cursor })}\n\n`);
  }

  /** What the browser sees of an event id: this household's opaque cursor. */
  private cursor(id: bigint): string {
    return toCursor(this.opts.membership.householdId, id);
  }

  private resync(newest: bigint | null): void {
    if (newest !== null) this.maxSent = newest;
    const id = newest !== null ? this.cursor(newest) : "0";
    this.write(`${newest !== null ? `id: ${id}\n` : ""}data: ${JSON.stringify({ id, type: "resync" })}\n\n`);
  }

  /** The caregiver may no longer see this household: say so, and close for good. */
  private end(): void {
    if (this.closed) return;
    const id = this.maxSent !== null ? this.cursor(this.maxSent) : "0";
    this.write(`data: ${JSON.stringify({ id, type: "closed" })}\n\n`);
    this.dispose();
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private write(chunk: string): void {
    if (this.closed) return;
    // A client that reads nothing (a frozen tab behind a proxy) must not make us buffer forever.
    if (this.controller.desiredSize !== null && this.controller.desiredSize < -MAX_BACKLOG) {
      this.dispose();
      return;
    }
    try {
      this.controller.enqueue(encoder.encode(chunk));
    } catch {
      this.dispose();
    }
  }
}
