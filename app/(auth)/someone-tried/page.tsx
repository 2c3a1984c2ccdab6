import type { Metadata } from "next";
import Link from "next/link";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { detailsOf } from "@/lib/household/details";
import { dayTimeIn } from "@/lib/format";
import { Notice } from "@/components/ui/notice";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";

export const metadata: Metadata = { title: "Someone tried to sign up with your address" };

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
  const when = Number.isNaN(at.getTime()) ? null : dayTimeIn(at, household?.household.timeZone ?? "UTC");

  return (
    <>
      <div className="page-header">
        <h1>You&apos;re signed in</h1>
      </div>
      <Notice tone="info" role="status" testId="sign-up-attempt-notice">
        Someone tried to create an account with your address{when ? ` on ${when}` : ""}
        {household ? "" : " (UTC)"}. If that was you, there&apos;s nothing to do: you already have an account. If it
        wasn&apos;t, nothing changed: nobody got into your account.
      </Notice>
      <p style={{ marginTop: "1.25rem" }}>
        <Link href={next} className="button">
          Continue
        </Link>
      </p>
    </>
  );
}
