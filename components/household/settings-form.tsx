"use client";

import { useTranslations } from "next-intl";
import { updateHouseholdAction } from "@/lib/household/actions";
import { clockValue } from "@/lib/time/local-time";
import type { THouseholdOverview } from "@/lib/household/members";
import { HOUSEHOLD_FIELDS, HouseholdFields } from "@/components/household/household-fields";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

/** A parent's form for the household's name, time zone and night window. */
export function HouseholdSettingsForm({
  household,
  zones,
}: {
  household: THouseholdOverview["household"];
  zones: string[];
}) {
  const t = useTranslations("household.settings");
  const { state, pending, formProps } = useAction(updateHouseholdAction);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("formLabel")}>
      <FormError message={formError(state, HOUSEHOLD_FIELDS)} />
      <input type="hidden" name="householdId" value={household.id} />
      <HouseholdFields
        defaults={{
          name: household.name,
          timeZone: household.timeZone,
          nightStart: clockValue(household.nightStart),
          nightEnd: clockValue(household.nightEnd),
        }}
        zones={zones}
        state={state}
      />
      <fieldset className="field">
        <legend className="field-label">{t("formerLegend")}</legend>
        <label className="choice">
          <input type="checkbox" name="keepFormerNames" defaultChecked={household.keepFormerNames} />
          <span>{t("keepFormerNames")}</span>
        </label>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <p role="status" className="small" data-testid="settings-status">
        {state?.ok && !pending ? t("saved") : ""}
      </p>
    </form>
  );
}
