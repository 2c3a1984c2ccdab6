import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { AddBabyForm } from "@/components/household/add-baby-form";
import { BabyList } from "@/components/household/baby-list";
import { StepIndicator } from "@/components/step-indicator";

export const metadata: Metadata = { title: "Add your baby" };

export default async function OnboardingBabyPage() {
  const { actor, membership } = await requireMemberOrRedirect("/onboarding/baby");
  if (membership.role !== "parent") redirect("/tonight");
  const overview = await getHouseholdOverview(actor, { householdId: membership.householdId });

  return (
    <>
      <StepIndicator step={2} />
      <div className="page-header">
        <h1>Add your baby</h1>
        <p>Twins, or more? Add each of them. You can add or change this later too.</p>
      </div>
      <div className="card">
        <AddBabyForm householdId={membership.householdId} />
      </div>
      <section aria-labelledby="babies-heading" className="card">
        <h2 id="babies-heading">Babies in {overview.household.name}</h2>
        <BabyList babies={overview.babies} />
      </section>
      <div className="cluster" style={{ marginTop: "1.5rem" }}>
        <Link href="/onboarding/invite" className="button">
          Continue
        </Link>
      </div>
    </>
  );
}
