import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { msg } from "@/lib/i18n/text";

// Night-log taps that are never lost (issue #9). The phone gives every tap a
// key (a uuid it made) and the instant it was tapped; it may send the same tap
// again and again (a queue flushed twice, two tabs, a retry after a timeout).
// The first delivery does the work and stores its result under the key in
// `action_receipts`; any later delivery gets that result back and writes
// nothing. The unique index (household_id, key) decides between racing
// deliveries: the insert of the receipt is the first statement of the
// operation's transaction, so a second delivery waits on it and then sees it.

/** How old a queued tap may be and still be believed. */
export const MAX_TAP_AGE_MS = 12 * 60 * 60_000;
/** A message reference (lib/i18n/text.ts): "That tap is more than 12 hours old, so it wasn't logged." */
export const STALE_TAP_MESSAGE = msg("log.errors.staleTap");

export type TActionKind = "start" | "end" | "undoStart" | "undoEnd" | "tapOut" | "answer";

/** The fields every night-log action may carry: its key and when it was tapped. */
export const ZTap = {
  clientKey: z.union([z.literal(""), z.uuid({ error: msg("log.errors.key") })]).optional(),
  tappedAt: z.union([z.literal(""), z.iso.datetime({ offset: true, error: msg("log.errors.time") })]).optional(),
};

/**
 * When the tap happened: the phone's instant, refused when older than 12
 * hours, and never later than now (a phone clock ahead is brought back).
 */
export function tapTime(tappedAt: string | undefined, now: Date): Date {
  if (!tappedAt) return now;
  const at = new Date(tappedAt);
  if (Number.isNaN(at.getTime())) throw invalid(msg("log.errors.time"), { tappedAt: [msg("log.errors.time")] });
  if (now.getTime() - at.getTime() > MAX_TAP_AGE_MS) throw invalid(STALE_TAP_MESSAGE);
  return at > now ? now : at;
}

type TReceipt = { householdId: string; caregiverId: string; key: string | undefined; kind: TActionKind };

/**
 * Runs `work` once per key, in one transaction with the receipt. Without a key
 * it simply runs in a transaction. A unique violation from the work itself
 * (the partner's "I'm up" won the race for the open waking) aborts the whole
 * transaction, receipt included, and the work runs again: the second time it
 * sees the winner and answers as today's rules say.
 */
export async function once<T>(r: TReceipt, work: (tx: Tx) => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (r.key) {
          const inserted = await tx.$executeRaw`
            INSERT INTO action_receipts (id, household_id, caregiver_id, key, kind)
            VALUES (gen_random_uuid(), ${r.householdId}::uuid, ${r.caregiverId}::uuid, ${r.key}::uuid, ${r.kind})
            ON CONFLICT (household_id, key) DO NOTHING`;
          if (inserted === 0) {
            const rows = await tx.$queryRaw<{ kind: string; result: { value: T } | null }[]>`
              SELECT kind, result FROM action_receipts
               WHERE household_id = ${r.householdId}::uuid AND key = ${r.key}::uuid`;
            const prior = rows[0];
            if (!prior || prior.kind !== r.kind) throw invalid(msg("log.errors.keyUsed"));
            return (prior.result?.value ?? undefined) as T;
          }
        }
        const result = await work(tx);
        if (r.key)
          await tx.$executeRaw`
            UPDATE action_receipts SET result = ${JSON.stringify({ value: result ?? null })}::jsonb
             WHERE household_id = ${r.householdId}::uuid AND key = ${r.key}::uuid`;
        return result;
      });
    } catch (e) {
      if (attempt < retries && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

/**
 * The waking an earlier "I'm up" of this household made or joined, by that
 * tap's key: a "Back to sleep" queued offline never knew the waking's id.
 */
export async function wakingOfStart(householdId: string, startKey: string, tx: Tx = db): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ wakingId: string | null }[]>`
    SELECT result->'value'->>'wakingId' AS "wakingId" FROM action_receipts
     WHERE household_id = ${householdId}::uuid AND key = ${startKey}::uuid AND kind = 'start'`;
  return rows[0]?.wakingId ?? undefined;
}
