import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { db, Tx } from "@/lib/db";
import type { TWebhookEvent } from "@/lib/webhooks/events";
import { webhookNotifySql } from "@/lib/webhooks/enqueue";
import type { TLiveEventType, TLiveMessage } from "@/lib/live/message";

export { LIVE_EVENT_TYPES, type TLiveEventType, type TLiveMessage } from "@/lib/live/message";

/**
 * A change in one household. Ids only, never data: whoever receives it
 * refetches through the usual, authorized reads. `ids` are hints (the rows
 * that changed); absent or empty means "something of this type".
 */
export type TLiveEvent = {
  type: TLiveEventType;
  householdId: string;
  ids?: string[];
  /** Who did it, so a screen can say "Alex is up" (after looking up who Alex is). */
  actorCaregiverId?: string;
};

/** The Postgres channel every Attune process LISTENs on (lib/live/hub.ts). */
export const LIVE_CHANNEL = "attune_live";

// NOTIFY payloads must stay under 8000 bytes. A change that touches many rows
// (a rota filling a month) is announced without its ids: "refetch that kind".
const MAX_IDS = 100;

/**
 * Announces a change to the household's open screens, as part of `tx`: the
 * row kept for catch-up and the NOTIFY both happen only if the transaction
 * commits (Postgres delivers notifications at commit). Call it from the
 * domain function, after its own authorization, inside the transaction that
 * made the change. Returns the event's id.
 * With `webhook`, the same NOTIFY statement also enqueues the household's
 * webhook deliveries for it (lib/webhooks/enqueue.ts): no extra statement.
 */
export async function publish(tx: Tx | typeof db, event: TLiveEvent, webhook?: TWebhookEvent): Promise<string> {
  const ids = event.ids && event.ids.length <= MAX_IDS ? event.ids : [];
  const row = await tx.liveEvent.create({
    data: { householdId: event.householdId, type: event.type, ids, actorCaregiverId: event.actorCaregiverId ?? null },
    select: { id: true },
  });
  const message: TLiveMessage = {
    id: row.id.toString(),
    type: event.type,
    householdId: event.householdId,
    ...(ids.length ? { ids } : {}),
    ...(event.actorCaregiverId ? { actorCaregiverId: event.actorCaregiverId } : {}),
  };
  const notify = Prisma.sql`pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
  await tx.$executeRaw(webhook ? webhookNotifySql(event.householdId, webhook, notify) : Prisma.sql`SELECT ${notify}`);
  return message.id;
}
