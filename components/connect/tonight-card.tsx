import type { TActor } from "@/lib/auth/actor";
import { getTodayPlan } from "@/lib/connect/today";
import { TonightMoments } from "./tonight-moments";

/**
 * "Today's connection moments" on Tonight: today's plan (the household's
 * today, from the request context), read on the server and handed to the
 * card as props. A tick-off shows at once (usePlanItems); the partner's
 * arrive with the page's refresh (LiveUpdates).
 */
export async function ConnectTonightCard({
  actor,
  householdId,
  now,
  meId,
}: {
  actor: TActor;
  householdId: string;
  /** Not read any more: the request context has the household's clock. */
  timeZone?: string;
  now: Date;
  meId: string;
}) {
  const plan = await getTodayPlan(actor, { householdId }, now);
  return <TonightMoments householdId={householdId} meId={meId} items={plan.items} />;
}
