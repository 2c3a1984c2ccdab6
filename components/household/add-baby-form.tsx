"use client";

import { useState } from "react";
import { addBabyAction } from "@/lib/household/actions";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["name", "birthDate"] as const;

/** Name and birth date; the form clears after each baby so twins are quick to add. */
export function AddBabyForm({ householdId }: { householdId: string }) {
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
    <form {...formProps} className="form" noValidate aria-label="Add a baby">
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <TextField label="Baby's name" name="name" autoComplete="off" required errors={fieldErrors(state, "name")} />
      <TextField label="Birth date" name="birthDate" type="date" required errors={fieldErrors(state, "birthDate")} />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add baby
      </SubmitButton>
      <p role="status" className="small" data-testid="baby-status">
        {added && state?.ok ? `${added} is added. Add another, or carry on.` : ""}
      </p>
    </form>
  );
}
