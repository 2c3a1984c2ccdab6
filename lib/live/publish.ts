import "server-only";
import type { Tx } from "@/lib/db";
import { publish, type TLiveEventType } from "@/lib/live/events";
import { dropHouseholdDetails } from "@/lib/household/details";
import type { TWebhookEvent } from "@/lib/webhooks/events";

/**
 * Tells the household's open screens that something changed, inside the
 * writing transaction (so nothing is announced that did not commit). The
 * live channel (lib/live) carries ids only. `webhook`: the event as the
 * household's webhooks receive it (lib/webhooks/events.ts), enqueued in the
 * same statement for the endpoints subscribed to it.
 */
export async function publishLive(
  tx: Tx,
  householdId: string,
  type: TLiveEventType,
  ids: string[],
  actorCaregiverId?: string,
  webhook?: TWebhookEvent,
): Promise<void> {
  if (type === "household.changed") dropHouseholdDetails(householdId);
  await publish(tx, { type, householdId, ids, actorCaregiverId }, webhook);
}
