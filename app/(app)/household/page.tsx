import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { loadHousehold } from "@/lib/household/current";
import { getQueryClient } from "@/lib/query-client";
import { HouseholdView } from "@/components/household/household-view";
import { householdOverviewKey } from "@/components/household/queries";
import { ROLE_LABELS } from "@/components/household/format";
import { Notice } from "@/components/ui/notice";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage({ searchParams }: { searchParams: TSearchParams }) {
  await requireMemberOrRedirect("/household");
  // The shell already read the overview for this request (React cache): reuse it.
  const { membership, overview: loaded } = await loadHousehold();
  const { householdId } = membership;
  const joined = firstParam((await searchParams).joined) === "1";

  // Server prefetch, client reads: the page arrives complete, and the client
  // component keeps it fresh with React Query.
  const queryClient = getQueryClient();
  const overview = await queryClient.fetchQuery({
    queryKey: householdOverviewKey(householdId),
    queryFn: () => loaded,
  });

  return (
    <div className="page">
      <div className="page-header">
        <h1>Household</h1>
        <p>The people and babies who share {overview.household.name}&apos;s nights.</p>
      </div>
      {joined ? (
        <Notice tone="success" role="status" testId="joined-notice">
          Welcome to {overview.household.name}! You&apos;ve joined as a {ROLE_LABELS[membership.role].toLowerCase()}.
        </Notice>
      ) : null}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <HouseholdView householdId={householdId} zones={timeZoneOptions()} />
      </HydrationBoundary>
    </div>
  );
}
