"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createHouseholdAction } from "@/lib/household/actions";
import { HOUSEHOLD_FIELDS, HouseholdFields } from "@/components/household/household-fields";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

export function CreateHouseholdForm({ defaultName, zones }: { defaultName: string; zones: string[] }) {
  const t = useTranslations("onboarding.household.form");
  const router = useRouter();
  const { state, pending, formProps } = useAction(createHouseholdAction, {
    onSuccess: () => router.push("/onboarding/baby"),
  });
  const done = Boolean(state?.ok);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")}>
      <FormError message={formError(state, HOUSEHOLD_FIELDS)} />
      <HouseholdFields
        defaults={{ name: defaultName, nightStart: "19:00", nightEnd: "07:00" }}
        zones={zones}
        state={state}
      />
      <SubmitButton
        pending={pending || done}
        pendingLabel={done ? t("created") : t("pending")}
        className="button button-block"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
