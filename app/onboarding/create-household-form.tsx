"use client";

import { useRouter } from "next/navigation";
import { createHouseholdAction } from "@/lib/household/actions";
import { HOUSEHOLD_FIELDS, HouseholdFields } from "@/components/household/household-fields";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

export function CreateHouseholdForm({ defaultName, zones }: { defaultName: string; zones: string[] }) {
  const router = useRouter();
  const { state, pending, formProps } = useAction(createHouseholdAction, {
    onSuccess: () => router.push("/onboarding/baby"),
  });
  const done = Boolean(state?.ok);
  return (
    <form {...formProps} className="form" noValidate aria-label="Set up your household">
      <FormError message={formError(state, HOUSEHOLD_FIELDS)} />
      <HouseholdFields
        defaults={{ name: defaultName, nightStart: "19:00", nightEnd: "07:00" }}
        zones={zones}
        state={state}
      />
      <SubmitButton
        pending={pending || done}
        pendingLabel={done ? "Created. One moment…" : "Creating…"}
        className="button button-block"
      >
        Create household
      </SubmitButton>
    </form>
  );
}
