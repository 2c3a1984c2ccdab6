"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { addBabyAction } from "@/lib/household/actions";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["name", "birthDate"] as const;

/** Name and birth date; the form clears after each baby so twins are quick to add. */
export function AddBabyForm({ householdId }: { householdId: string }) {
  const t = useTranslations("household.addBaby");
  const [added, setAdded] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(addBabyAction, {
    onSuccess: (_data, form) => {
      if (!form) return;
      // The fields still hold what was sent (this form is never auto-reset).
      setAdded(String(new FormData(form).get("name") ?? "").trim());
      form.reset();
      form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
    },
  });
  return (
    <form {...formProps} className="form" noValidate aria-label={t("formLabel")}>
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <TextField label={t("name")} name="name" autoComplete="off" required errors={fieldErrors(state, "name")} />
      <TextField
        label={t("birthDate")}
        name="birthDate"
        type="date"
        required
        errors={fieldErrors(state, "birthDate")}
      />
      <SubmitButton pending={pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <p role="status" className="small" data-testid="baby-status">
        {added && state?.ok ? t("added", { name: added }) : ""}
      </p>
    </form>
  );
}
