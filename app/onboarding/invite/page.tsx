import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { InviteForm } from "@/components/household/invite-form";
import { StepIndicator } from "@/components/step-indicator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.invite");
  return { title: t("title") };
}

export default async function OnboardingInvitePage() {
  const { actor, membership } = await requireMemberOrRedirect("/onboarding/invite");
  if (membership.role !== "parent") redirect("/tonight");
  const { household } = await getHouseholdOverview(actor, { householdId: membership.householdId });

  const t = await getTranslations("onboarding.invite");
  return (
    <>
      <StepIndicator step={3} />
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("lead", { household: household.name })}</p>
      </div>
      <div className="card">
        <InviteForm householdId={membership.householdId} timeZone={household.timeZone} />
      </div>
      <div className="cluster" style={{ marginTop: "1.5rem" }}>
        <Link href="/tonight" className="button">
          {t("done")}
        </Link>
        <Link href="/onboarding/baby" className="button button-quiet">
          {t("back")}
        </Link>
      </div>
    </>
  );
}
