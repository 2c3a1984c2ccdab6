"use client";

import { useTranslations } from "next-intl";
import { useText } from "@/components/use-text";
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
  const t = useTranslations("apiTokens.create");
  const text = useText();
  const create = useAction(createApiTokenAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.token : null);

  return (
    <div className="stack">
      {secret ? (
        <SecretShownOnce secret={secret} label={t("secretLabel")} hint={t("secretHint")} testId="api-token-created" />
      ) : null}
      <details className="subsection">
        <summary className="button button-secondary">{t("summary")}</summary>
        <form {...create.formProps} className="form" aria-label={t("formLabel")}>
          <FormError message={formError(create.state, ["name", "scopes"])} />
          <input type="hidden" name="householdId" value={householdId} />
          <TextField
            label={t("name")}
            name="name"
            hint={t("nameHint")}
            errors={fieldErrors(create.state, "name")}
            maxLength={60}
            required
          />
          <CheckboxGroup
            legend={t("scopes")}
            name="scopes"
            options={API_SCOPES}
            label={(sc) => text(SCOPE_LABELS[sc])}
            defaultChecked={(sc) => sc === "log:night"}
            errors={fieldErrors(create.state, "scopes")}
          />
          <SubmitButton pending={create.pending} pendingLabel={t("pending")}>
            {t("submit")}
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}
