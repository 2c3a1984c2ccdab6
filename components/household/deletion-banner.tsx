import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TRole } from "@/lib/auth/actor";
import { useServerFormat } from "@/components/format-provider";
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
  const t = useTranslations("household.deletionBanner");
  const f = useServerFormat();
  const parent = canDeleteHousehold({ role });
  return (
    <Notice tone="error" testId="deletion-banner">
      <p>
        {t.rich("scheduled", {
          date: f.longDayTimeIn(deletion.dueAt, timeZone),
          name: deletion.requestedBy,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}{" "}
        {parent ? t("parentCan") : t("askParent")}
      </p>
      {parent ? (
        <Link href="/household#delete" className="button button-secondary cancel-deletion">
          {t("cancel")}
        </Link>
      ) : null}
    </Notice>
  );
}
