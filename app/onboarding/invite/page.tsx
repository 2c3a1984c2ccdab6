import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { InviteForm } from "@/components/household/invite-form";
import { StepIndicator } from "@/components/step-indicator";

export const metadata: Metadata = { title: "Invite your partner" };

export default async function OnboardingInvitePage() {
  const { actor, membership } = await requireMemberOrRedirect("/onboarding/invite");
  if (membership.role !== "parent") redirect("/tonight");
  const { household } = await getHouseholdOverview(actor, { householdId: membership.householdId });

  return (
    <>
      <StepIndicator step={3} />
      <div className="page-header">
        <h1>Invite your partner</h1>
        <p>
          Nights are lighter when they&apos;re shared. Send your partner, or a helper like a grandparent, a link to join{" "}
          {household.name}.
        </p>
      </div>
      <div className="card">
        <InviteForm householdId={membership.householdId} timeZone={household.timeZone} />
      </div>
      <div className="cluster" style={{ marginTop: "1.5rem" }}>
        <Link href="/tonight" className="button">
          Done, go to Tonight
        </Link>
        <Link href="/onboarding/baby" className="button button-quiet">
          Back to babies
        </Link>
      </div>
    </>
  );
}
