import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { AddBabyForm } from "@/components/household/add-baby-form";
import { BabyList } from "@/components/household/baby-list";
import { StepIndicator } from "@/components/step-indicator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.baby");
  return { title: t("title") };
}

export default async function OnboardingBabyPage() {
  const { actor, membership } = await requireMemberOrRedirect("/onboarding/baby");
  if (membership.role !== "parent") redirect("/tonight");
  const overview = await getHouseholdOverview(actor, { householdId: membership.householdId });

  const t = await getTranslations("onboarding.baby");
  return (
    <>
      <StepIndicator step={2} />
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("lead")}</p>
      </div>
      <div className="card">
        <AddBabyForm householdId={membership.householdId} />
      </div>
      <section aria-labelledby="babies-heading" className="card">
        <h2 id="babies-heading">{t("babiesIn", { household: overview.household.name })}</h2>
        <BabyList babies={overview.babies} />
      </section>
      <div className="cluster" style={{ marginTop: "1.5rem" }}>
        <Link href="/onboarding/invite" className="button">
          {t("continue")}
        </Link>
      </div>
    </>
  );
}
