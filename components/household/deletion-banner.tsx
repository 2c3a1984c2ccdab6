import Link from "next/link";
import type { TRole } from "@/lib/auth/actor";
import { longDayTimeIn } from "@/lib/format";
import type { TDeletionShown } from "@/lib/household/current";
import { canDeleteHousehold } from "@/lib/household/rights";
import { Notice } from "@/components/ui/notice";

/**
 * On every signed-in page while the household's deletion is scheduled: when,
 * who asked, and for parents the way back. A live `household.changed`
 * refreshes it on the partner's open screens.
 *
 * The way back is a link to the household page's Cancel button, not the
 * button itself: a client component here would ship in every page's first
 * load (the shell's layout), and #11's JS budget has no room for a button
 * that shows a few days in a household's life. No client JavaScript at all.
 */
export function DeletionBanner({
  deletion,
  timeZone,
  role,
}: {
  deletion: TDeletionShown;
  timeZone: string;
  role: TRole;
}) {
  const parent = canDeleteHousehold({ role });
  return (
    <Notice tone="error" testId="deletion-banner">
      <p>
        <strong>This household will be deleted on {longDayTimeIn(deletion.dueAt, timeZone)}.</strong>{" "}
        {deletion.requestedBy} asked for it.{" "}
        {parent ? "Any parent can cancel until then." : "If you'd like it kept, ask a parent: they can cancel it."}
      </p>
      {parent ? (
        <Link href="/household#delete" className="button button-secondary cancel-deletion">
          Cancel deletion
        </Link>
      ) : null}
    </Notice>
  );
}
