import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { StepIndicator } from "@/components/step-indicator";
import { Notice } from "@/components/ui/notice";
import { timeZoneOptions } from "@/app/_lib/time-zones";
import { CreateHouseholdForm } from "./create-household-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.household");
  return { title: t("title") };
}

export default async function OnboardingPage() {
  const actor = await requireActorOrRedirect("/onboarding");
  if (actor.membership) {
    // A parent whose new household has no baby yet carries on with step 2. This
    // is also where creating the household lands: the action revalidates this
    // page, and its redirect is what the browser follows.
    const { babies } = await getHouseholdOverview(actor, { householdId: actor.membership.householdId });
    redirect(actor.membership.role === "parent" && babies.length === 0 ? "/onboarding/baby" : "/tonight");
  }

  const t = await getTranslations("onboarding");
  return (
    <>
      <StepIndicator step={1} />
      <div className="page-header">
        <h1>{t("household.heading")}</h1>
        <p>{t("household.welcome", { name: actor.name })}</p>
      </div>
      <Notice>{t("household.inviteNotice")}</Notice>
      <div className="card">
        <CreateHouseholdForm defaultName={t("defaultHouseholdName", { name: actor.name })} zones={timeZoneOptions()} />
      </div>
      <p>{t.rich("household.importLink", { link: (chunks) => <Link href="/onboarding/import">{chunks}</Link> })}</p>
    </>
  );
}
