import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { loadHousehold } from "@/lib/household/current";
import { HouseholdView } from "@/components/household/household-view";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage() {
  await requireMemberOrRedirect("/household");
  // The shell already read the overview for this request (React cache): reuse it.
  // Server-rendered: changes revalidate it, and live events refresh it.
  const { overview } = await loadHousehold();

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
