import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { StepIndicator } from "@/components/step-indicator";
import { Notice } from "@/components/ui/notice";
import { timeZoneOptions } from "@/app/_lib/time-zones";
import { CreateHouseholdForm } from "./create-household-form";

export const metadata: Metadata = { title: "Set up your household" };

export default async function OnboardingPage() {
  const actor = await requireActorOrRedirect("/onboarding");
  if (actor.membership) {
    // A parent whose new household has no baby yet carries on with step 2. This
    // is also where creating the household lands: the action revalidates this
    // page, and its redirect is what the browser follows.
    const { babies } = await getHouseholdOverview(actor, { householdId: actor.membership.householdId });
    redirect(actor.membership.role === "parent" && babies.length === 0 ? "/onboarding/baby" : "/tonight");
  }

  return (
    <>
      <StepIndicator step={1} />
      <div className="page-header">
        <h1>Set up your household</h1>
        <p>Welcome, {actor.name}. Tell us when your nights usually run; you can change it later.</p>
      </div>
      <Notice>Have an invite link from your partner? Open it to join their household instead.</Notice>
      <div className="card">
        <CreateHouseholdForm defaultName={`${actor.name}'s household`} zones={timeZoneOptions()} />
      </div>
      <p>
        <Link href="/onboarding/import">Or bring your data from a file</Link> (an Attune download or Baby Buddy).
      </p>
    </>
  );
}
