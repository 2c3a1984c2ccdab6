import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { loadShell } from "@/lib/household/current";
import { getHouseholdOverview } from "@/lib/household/members";
import { HouseholdView } from "@/components/household/household-view";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage() {
  const { actor, membership } = await requireMemberOrRedirect("/household");
  // The overview with the pending invites (the other pages' overview leaves them out).
  // Server-rendered: changes revalidate it, and live events refresh it.
  const overview = await getHouseholdOverview(actor, { householdId: membership.householdId });
  // A scheduled deletion, as the shell read it for the banner (no statement of its own).
  const { deletion } = await loadShell();

  return (
    <div className="page">
      <div className="page-header">
        <h1>Household</h1>
        <p>The people and babies who share {overview.household.name}&apos;s nights.</p>
      </div>
      <HouseholdView data={overview} zones={timeZoneOptions()} deletion={deletion} />
    </div>
  );
}
