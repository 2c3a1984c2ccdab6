import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { getBalanceWarnings } from "@/lib/balance/read-balance";
import { WarningList } from "@/components/balance/warning-list";

/** Tonight's card of early warnings (nothing at all when all is well). `now`: the page's (the test clock holds either way). */
export async function TonightWarnings({ actor, householdId, now }: { actor: TActor; householdId: string; now?: Date }) {
  const { warnings, caregivers } = await getBalanceWarnings(actor, { householdId }, now);
  if (!warnings.length) return null;
  const t = await getTranslations("balance.warnings");
  return (
    <section className="card" aria-labelledby="balance-warnings-heading" data-testid="tonight-balance-warnings">
      <h2 id="balance-warnings-heading">{t("heading")}</h2>
      <WarningList householdId={householdId} warnings={warnings} people={caregivers} />
      <p className="small">
        <Link href="/balance">{t("link")}</Link>
      </p>
    </section>
  );
}
