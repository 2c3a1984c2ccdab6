import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { TEST_EVENT, type TWebhookEvent } from "@/lib/webhooks/events";
import { referencesInEnglish } from "@/lib/i18n/english";

// Producing deliveries: rows in webhook_deliveries, one per endpoint of the
// household subscribed to the event, written inside the transaction of the
// change (so a rolled-back change sends nothing). The insert is a writable
// CTE in the statement that already announces the change on the live channel
// (lib/live/events.ts publish): a household without webhooks pays nothing
// but an index probe, and a tap no extra statement. The worker
// (lib/webhooks/worker.ts) sends them after commit. docs/decisions/0032.

/** Wakes the webhook workers of every instance at commit (they also poll). */
export const WEBHOOK_CHANNEL = "attune_webhooks";

/**
 * The writable CTE's body: INSERT … SELECT FROM webhook_endpoints, returning a
 * row per delivery. The body's `id` is the delivery's id (the receiver's
 * dedupe key). Due from `occurredAt`, or now if that is later (a test clock
 * pinned ahead, lib/clock.ts). A name that is a message reference ("a former
 * caregiver", lib/household/caregiver-name.ts) is written in British English.
 */
function insertDeliveries(
  householdId: string,
  type: string,
  occurredAt: Date,
  data: object,
  only: Prisma.Sql,
): Prisma.Sql {
  const due = new Date(Math.min(occurredAt.getTime(), Date.now()));
  return Prisma.sql`
    INSERT INTO webhook_deliveries (id, household_id, endpoint_id, event, payload, next_attempt_at)
    SELECT d.id, d.household_id, d.endpoint_id, ${type},
           jsonb_build_object('id', d.id, 'type', ${type}::text, 'occurredAt', ${occurredAt.toISOString()}::text,
                              'householdId', d.household_id, 'data', ${JSON.stringify(data, referencesInEnglish)}::jsonb),
           ${due}
      FROM (SELECT gen_random_uuid() AS id, e.household_id, e.id AS endpoint_id
              FROM webhook_endpoints e
             WHERE e.household_id = ${householdId}::uuid AND e.disabled_at IS NULL AND ${only}) d
    RETURNING id`;
}

/**
 * For lib/live/events.ts: the statement that NOTIFYs the live channel also
 * enqueues this event's deliveries and, if it wrote any, wakes the workers.
 */
export function webhookNotifySql(householdId: string, event: TWebhookEvent, liveNotify: Prisma.Sql): Prisma.Sql {
  const rows = insertDeliveries(
    householdId,
    event.type,
    event.occurredAt,
    event.data,
    Prisma.sql`${event.type}::text = ANY (e.events)`,
  );
  return Prisma.sql`
    WITH hooks AS (${rows})
    SELECT ${liveNotify}, (SELECT pg_notify(${WEBHOOK_CHANNEL}, '') FROM hooks LIMIT 1)`;
}

/** "Send a test event": one delivery to one endpoint, whatever it subscribed to. Returns the delivery's id. */
export async function enqueueTestDelivery(
  tx: Tx,
  householdId: string,
  endpointId: string,
  data: object,
  now: Date,
): Promise<string | null> {
  const only = Prisma.sql`e.id = ${endpointId}::uuid`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH hooks AS (${insertDeliveries(householdId, TEST_EVENT, now, data, only)}) SELECT id::text AS id FROM hooks`;
  if (!rows.length) return null;
  await tx.$executeRaw`SELECT pg_notify(${WEBHOOK_CHANNEL}, '')`;
  return rows[0]!.id;
}
