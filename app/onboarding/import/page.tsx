import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { timeZoneOptions } from "@/app/_lib/time-zones";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding.import");
  return { title: t("title") };
}

/** For someone in no household yet (one household per account): an import makes their household. */
export default async function ImportPage() {
  const actor = await requireActorOrRedirect("/onboarding/import");
  if (actor.membership) redirect("/settings");
  const t = await getTranslations("onboarding");
  return (
    <>
      <div className="page-header">
        <h1>{t("import.heading")}</h1>
        <p>{t("import.lead")}</p>
      </div>
      <div className="card">
        <ImportForm defaultName={t("defaultHouseholdName", { name: actor.name })} zones={timeZoneOptions()} />
      </div>
      <p>
        <Link href="/onboarding">{t("import.startNew")}</Link>
      </p>
    </>
  );
}
