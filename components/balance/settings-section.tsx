import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { getBalanceSettings } from "@/lib/balance/settings";
import { BalanceSettingsForm } from "@/components/balance/settings-form";

/**
 * Settings' "Balance" section: warning thresholds and the local support text.
 * Whether the viewer may change them comes with the settings (lib/balance/rights.ts).
 */
export async function BalanceSettingsSection({ actor, householdId }: { actor: TActor; householdId: string }) {
  const { canChange, ...values } = await getBalanceSettings(actor, { householdId });
  const t = await getTranslations("balance.settings");
  return (
    <section className="card stack" aria-labelledby="balance-settings-heading">
      <h2 id="balance-settings-heading">{t("heading")}</h2>
      <p className="small muted">{t("intro")}</p>
      <BalanceSettingsForm householdId={householdId} values={values} canEdit={canChange} />
    </section>
  );
}
