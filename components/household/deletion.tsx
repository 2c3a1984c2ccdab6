"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { cancelHouseholdDeletionAction, requestHouseholdDeletionAction } from "@/lib/household/actions";
import { confirmsHouseholdName } from "@/lib/household/deletion";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/**
 * "Delete household": the parent types the household's name; the button
 * stays disabled until it matches (the same rule the server applies,
 * lib/household/deletion.ts, which also judges a post sent before hydration). The deletion itself waits a week, so no
 * second confirm step: the banner's "Cancel deletion" is the undo.
 */
export function DeleteHouseholdForm({ householdId, householdName }: { householdId: string; householdName: string }) {
  const t = useTranslations("household.delete");
  const [typed, setTyped] = useState("");
  const { state, pending, formProps } = useAction(requestHouseholdDeletionAction);
  const matches = confirmsHouseholdName(typed, householdName);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("formLabel")}>
      <FormError message={formError(state, ["confirmName"])} />
      <input type="hidden" name="householdId" value={householdId} />
      <Field
        label={t.rich("confirmName", { name: householdName, strong: (chunks) => <strong>{chunks}</strong> })}
        errors={fieldErrors(state, "confirmName")}
      >
        {(control) => (
          <input
            {...control}
            name="confirmName"
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="delete-confirm-name"
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-danger" disabled={!matches}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}

/** Any parent's "Cancel deletion" (the banner on every page, and the household page). */
export function CancelDeletionButton({ householdId }: { householdId: string }) {
  const t = useTranslations("household.delete");
  const { state, pending, formProps } = useAction(cancelHouseholdDeletionAction);
  return (
    <form {...formProps} className="cancel-deletion">
      <input type="hidden" name="householdId" value={householdId} />
      <SubmitButton pending={pending} pendingLabel={t("cancelling")} className="button button-secondary">
        {t("cancel")}
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}
