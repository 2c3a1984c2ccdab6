import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { HouseholdView } from "@/components/household/household-view";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage() {
  const { actor, membership } = await requireMemberOrRedirect("/household");
  // The overview with the pending invites (the other pages' overview leaves them out).
  // Server-rendered: changes revalidate it, and live events refresh it.
  const overview = await getHouseholdOverview(actor, { householdId: membership.householdId });

  return (
    <div className="page">
      <div className="page-header">
        <h1>Household</h1>
        <p>The people and babies who share {overview.household.name}&apos;s nights.</p>
      </div>
      <HouseholdView data={overview} zones={timeZoneOptions()} />
    </div>
  );
}
