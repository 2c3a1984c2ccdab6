import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { TActor } from "@/lib/auth/actor";
import { connectKeys } from "@/lib/connect/query-keys";
import { getTodayPlan } from "@/lib/connect/today";
import { getQueryClient } from "@/lib/query-client";
import { TonightMoments } from "./tonight-moments";

/**
 * "Today's connection moments" on Tonight: today's plan (the household's
 * today, from the request context), read on the server and handed to React
 * Query, so a tick-off shows at once and the partner's arrive live.
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
  const queryClient = getQueryClient();
  queryClient.setQueryData(connectKeys.today(householdId), plan);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TonightMoments householdId={householdId} meId={meId} />
    </HydrationBoundary>
  );
}
