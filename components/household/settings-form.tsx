"use client";

import { updateHouseholdAction } from "@/lib/household/actions";
import { formatClock } from "@/lib/format";
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
  const { state, pending, formProps } = useAction(updateHouseholdAction);
  return (
    <form {...formProps} className="form" noValidate aria-label="Household settings">
      <FormError message={formError(state, HOUSEHOLD_FIELDS)} />
      <input type="hidden" name="householdId" value={household.id} />
      <HouseholdFields
        defaults={{
          name: household.name,
          timeZone: household.timeZone,
          nightStart: formatClock(household.nightStart),
          nightEnd: formatClock(household.nightEnd),
        }}
        zones={zones}
        state={state}
      />
      <fieldset className="field">
        <legend className="field-label">If a member deletes their account</legend>
        <label className="choice">
          <input type="checkbox" name="keepFormerNames" defaultChecked={household.keepFormerNames} />
          <span>
            Keep their name on the nights, wakings and notes they leave behind. Unticked, these stay but show as “a
            former caregiver”.
          </span>
        </label>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save changes
      </SubmitButton>
      <p role="status" className="small" data-testid="settings-status">
        {state?.ok && !pending ? "Saved." : ""}
      </p>
    </form>
  );
}
