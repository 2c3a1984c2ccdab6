"use client";

import { useTranslations } from "next-intl";
import { changeEmailAction } from "@/lib/account/actions";
import { PasswordField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword", "newEmail"] as const;

/** Settings: sends a link to the new address; the address changes when it is opened. */
export function ChangeEmailForm() {
  const t = useTranslations("account.changeEmail");
  const { state, pending, formProps } = useAction(changeEmailAction, { onSuccess: (_d, form) => form?.reset() });
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")}>
      <FormError message={formError(state, FIELDS)} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="email-link-sent">
            {t("sent", { email: state.data.sentTo })}
          </Notice>
        ) : null}
      </div>
      <TextField
        label={t("newEmail")}
        name="newEmail"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={fieldErrors(state, "newEmail")}
      />
      <PasswordField
        label={t("currentPassword")}
        name="currentPassword"
        autoComplete="current-password"
        required
        errors={fieldErrors(state, "currentPassword")}
      />
      <SubmitButton pending={pending} pendingLabel={t("sending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
