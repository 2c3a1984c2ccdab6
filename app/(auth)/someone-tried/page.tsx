import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { detailsOf } from "@/lib/household/details";
import { getFormat } from "@/lib/i18n/format-server";
import { Notice } from "@/components/ui/notice";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.someoneTried");
  return { title: t("title") };
}

/**
 * Shown once, right after sign-in, when someone tried to create an account
 * with this account's address (sign-up itself doesn't say the address is
 * taken: docs/decisions/0016).
 */
export default async function SomeoneTriedPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(firstParam(params.next), "/tonight");
  const actor = await requireActorOrRedirect(next);
  const at = new Date(firstParam(params.at) ?? "");
  const household = actor.membership ? await detailsOf(actor.membership.householdId) : null;
  const t = await getTranslations("auth.someoneTried");
  const when = Number.isNaN(at.getTime())
    ? null
    : (await getFormat()).dayTimeIn(at, household?.household.timeZone ?? "UTC");

  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      <Notice tone="info" role="status" testId="sign-up-attempt-notice">
        {when
          ? t("attemptAt", { when, utc: household ? "no" : "yes" })
          : t("attempt", { utc: household ? "no" : "yes" })}
      </Notice>
      <p style={{ marginTop: "1.25rem" }}>
        <Link href={next} className="button">
          {t("continue")}
        </Link>
      </p>
    </>
  );
}
