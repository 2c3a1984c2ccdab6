import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { loadShell } from "@/lib/household/current";
import { getHouseholdOverview } from "@/lib/household/members";
import { HouseholdView } from "@/components/household/household-view";
import { timeZoneOptions } from "@/app/_lib/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("household.page");
  return { title: t("title") };
}

export default async function HouseholdPage() {
  const { actor, membership } = await requireMemberOrRedirect("/household");
  // The overview with the pending invites (the other pages' overview leaves them out).
  // Server-rendered: changes revalidate it, and live events refresh it.
  const overview = await getHouseholdOverview(actor, { householdId: membership.householdId });
  // A scheduled deletion, as the shell read it for the banner (no statement of its own).
  const { deletion } = await loadShell();
  const t = await getTranslations("household.page");

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro", { name: overview.household.name })}</p>
      </div>
      <HouseholdView data={overview} zones={timeZoneOptions()} deletion={deletion} />
    </div>
  );
}
