import type { TRole } from "@/lib/auth/actor";
import { longDayTimeIn } from "@/lib/format";
import type { TDeletionShown } from "@/lib/household/current";
import { canDeleteHousehold } from "@/lib/household/rights";
import { CancelDeletionButton } from "@/components/household/deletion";
import { Notice } from "@/components/ui/notice";

/**
 * On every signed-in page while the household's deletion is scheduled: when,
 * who asked, and for parents the way back. A live `household.changed`
 * refreshes it on the partner's open screens.
 */
export function DeletionBanner({
  deletion,
  householdId,
  timeZone,
  role,
}: {
  deletion: TDeletionShown;
  householdId: string;
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
      {parent ? <CancelDeletionButton householdId={householdId} /> : null}
    </Notice>
  );
}
