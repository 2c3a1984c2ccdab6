import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { loadHousehold } from "@/lib/household/current";
import { HouseholdView } from "@/components/household/household-view";
import { ROLE_LABELS } from "@/components/household/format";
import { Notice } from "@/components/ui/notice";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export const metadata: Metadata = { title: "Household" };

export default async function HouseholdPage({ searchParams }: { searchParams: TSearchParams }) {
  await requireMemberOrRedirect("/household");
  // The shell already read the overview for this request (React cache): reuse it.
  // Server-rendered: changes revalidate it, and live events refresh it.
  const { membership, overview } = await loadHousehold();
  const joined = firstParam((await searchParams).joined) === "1";

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
      <HouseholdView data={overview} zones={timeZoneOptions()} />
    </div>
  );
}
