import type { TActor } from "@/lib/auth/actor";
import { DEFAULT_SUPPORT_TEXT, getBalanceSettings } from "@/lib/balance/settings";
import { BalanceSettingsForm } from "@/components/balance/settings-form";

/** Settings' "Balance" section: warning thresholds and the local support text. */
export async function BalanceSettingsSection({
  actor,
  householdId,
  isParent,
}: {
  actor: TActor;
  householdId: string;
  isParent: boolean;
}) {
  const values = await getBalanceSettings(actor, householdId);
  return (
    <section className="card stack" aria-labelledby="balance-settings-heading">
      <h2 id="balance-settings-heading">Balance</h2>
      <p className="small muted">
        When Attune gently points out that someone is carrying a lot, and where to turn for support.
      </p>
      <BalanceSettingsForm
        householdId={householdId}
        values={values}
        canEdit={isParent}
        defaultSupport={DEFAULT_SUPPORT_TEXT}
      />
    </section>
  );
}
