import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startOutboxLoop, type TOutboxLoop } from "@/lib/outbox/loop";
import { retryAt, type TRetryPolicy } from "@/lib/outbox/retry";
import { postWebhook } from "@/lib/webhooks/deliver";
import { WEBHOOK_CHANNEL } from "@/lib/webhooks/enqueue";
import { unsealSecret } from "@/lib/webhooks/secret";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/webhooks/sign";

// Sending webhook deliveries, as the push worker sends pushes
// (docs/decisions/0015, 0032): every process runs one loop
// (lib/outbox/loop.ts); a batch is claimed with FOR UPDATE SKIP LOCKED, so
// two instances never take the same row, POSTed, and marked in the same
// transaction. A process that dies mid-send rolls its claim back and the row
// is sent again: delivery is at least once, and receivers dedupe by the
// delivery id. Its own loop, not the push worker's: a slow receiver on a
// home network must not hold up a tap-out's push.

/** After a failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h; then the delivery has failed. */
export const WEBHOOK_RETRY: TRetryPolicy = [30_000, 2 * 60_000, 10 * 60_000, 3_600_000, 6 * 3_600_000];
const BATCH = 20;
/** Delivered and failed rows are kept this long for Settings' list, then pruned. */
const KEEP_DAYS = 30;

type TBody = { id: string; type: string; occurredAt: string; householdId: string; data: unknown };

type TRow = {
  id: string;
  event: string;
  payload: TBody;
  attempts: number;
  url: string;
  sealed_secret: string;
  disabled_at: Date | null;
};

export type TWebhookRun = { claimed: number; delivered: number; retried: number; failed: number };

/** The exact bytes sent: the stored payload in a fixed key order, the same on every attempt. */
export function bodyOf(p: TBody): string {
  return JSON.stringify({ id: p.id, type: p.type, occurredAt: p.occurredAt, householdId: p.householdId, data: p.data });
}

/** One batch: claim what is due, POST each, mark each. */
export async function runWebhookWorkerOnce(opts: { now?: Date; batch?: number } = {}): Promise<TWebhookRun> {
  const now = opts.now ?? new Date();
  const run: TWebhookRun = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  await db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<TRow[]>`
        SELECT d.id::text AS id, d.event, d.payload, d.attempts, e.url, e.sealed_secret, e.disabled_at
          FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= ${now}
         ORDER BY d.next_attempt_at, d.id
         LIMIT ${opts.batch ?? BATCH}
           FOR UPDATE OF d SKIP LOCKED`;
      run.claimed = rows.length;
      // The network part in parallel (each at most 10 s); the writes after it.
      const updates = await Promise.all(rows.map((row) => attempt(row, now)));
      for (const [i, data] of updates.entries()) {
        run[data.status === "delivered" ? "delivered" : data.status === "failed" ? "failed" : "retried"]++;
        await tx.webhookDelivery.update({ where: { id: rows[i]!.id }, data });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return run;
}

async function attempt(row: TRow, now: Date): Promise<Prisma.WebhookDeliveryUpdateInput> {
  if (row.disabled_at) return { status: "failed", lastError: "the webhook was turned off" };
  const secret = unsealSecret(row.sealed_secret);
  if (!secret)
    return {
      status: "failed",
      lastError:
        "its signing secret can't be read (the server's AUTH_SECRET changed): remove the webhook and add it again",
    };
  const body = bodyOf(row.payload);
  const r = await postWebhook(row.url, body, {
    "Attune-Event": row.event,
    "Attune-Delivery": row.id,
    [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
  });
  const attempts = row.attempts + 1;
  const code = r.statusCode ?? null;
  if (code !== null && code >= 200 && code < 300)
    return { status: "delivered", attempts, lastStatusCode: code, lastError: null, deliveredAt: now };
  const lastError =
    "error" in r
      ? r.error
      : code !== null && code >= 300 && code < 400
        ? `answered ${code} (redirects are not followed)`
        : `answered ${code}`;
  const next = retryAt(WEBHOOK_RETRY, attempts, now);
  return next
    ? { attempts, lastStatusCode: code, lastError, nextAttemptAt: next }
    : { status: "failed", attempts, lastStatusCode: code, lastError };
}

/** Runs batches until nothing is due. */
export async function drainWebhooks(opts: { now?: Date } = {}): Promise<number> {
  let claimed = 0;
  for (;;) {
    const r = await runWebhookWorkerOnce(opts);
    claimed += r.claimed;
    if (r.claimed === 0) return claimed;
  }
}

/** Forgets finished deliveries after KEEP_DAYS. */
export async function pruneWebhookDeliveries(now = new Date()): Promise<number> {
  const res = await db.webhookDelivery.deleteMany({
    where: { status: { not: "pending" }, createdAt: { lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) } },
  });
  return res.count;
}

/** Starts this process's webhook worker (instrumentation.ts). */
export function startWebhookWorker(): TOutboxLoop {
  return startOutboxLoop({
    name: "webhooks",
    channel: WEBHOOK_CHANNEL,
    drain: () => drainWebhooks(),
    every: [{ name: "prune", ms: 3_600_000, run: () => pruneWebhookDeliveries() }],
  });
}
