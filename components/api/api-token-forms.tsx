"use client";

import { createApiTokenAction } from "@/lib/api/actions";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/api/rights";
import { SecretShownOnce, useKeptSecret } from "@/components/ui/secret-shown-once";
import { TextField } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/** Makes a token and shows its secret this once (the server keeps only a hash). */
export function CreateApiToken({ householdId }: { householdId: string }) {
  const create = useAction(createApiTokenAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.token : null);

  return (
    <div className="stack">
      {secret ? (
        <SecretShownOnce
          secret={secret}
          label="Your new token"
          hint="Copy it into your device or app now: we only show it once. Anyone with it can act as you within what you allowed."
          testId="api-token-created"
        />
      ) : null}
      <details className="subsection">
        <summary className="button button-secondary">Make a token</summary>
        <form {...create.formProps} className="form" aria-label="Make a personal token">
          <FormError message={formError(create.state, ["name", "scopes"])} />
          <input type="hidden" name="householdId" value={householdId} />
          <TextField
            label="Name"
            name="name"
            hint="Which device or app, so you know what to revoke: “Bedside button”."
            errors={fieldErrors(create.state, "name")}
            maxLength={60}
            required
          />
          <CheckboxGroup
            legend="It may"
            name="scopes"
            options={API_SCOPES}
            label={(sc) => SCOPE_LABELS[sc]}
            defaultChecked={(sc) => sc === "log:night"}
            errors={fieldErrors(create.state, "scopes")}
          />
          <SubmitButton pending={create.pending} pendingLabel="Making the token…">
            Make the token
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}
