"use client";

import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/api/rights";
import { SecretShownOnce, useKeptSecret } from "@/components/ui/secret-shown-once";
import { FieldError, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/** Makes a token and shows its secret this once (the server keeps only a hash). */
export function CreateApiToken({ householdId }: { householdId: string }) {
  const create = useAction(createApiTokenAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.token : null);
  const scopeErrors = fieldErrors(create.state, "scopes");

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
          <fieldset aria-describedby={scopeErrors ? "api-token-scopes-error" : undefined}>
            <legend>It may</legend>
            {API_SCOPES.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === "log:night"} />
                <span>{SCOPE_LABELS[s]}</span>
              </label>
            ))}
            <FieldError id="api-token-scopes-error" messages={scopeErrors} />
          </fieldset>
          <SubmitButton pending={create.pending} pendingLabel="Making the token…">
            Make the token
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}

/** "Revoke": the token's next request is refused. */
export function RevokeApiToken({ householdId, tokenId, name }: { householdId: string; tokenId: string; name: string }) {
  const { state, pending, formProps } = useAction(revokeApiTokenAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton pending={pending} pendingLabel="Revoking…" className="button button-secondary">
        Revoke<span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}
