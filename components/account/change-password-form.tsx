"use client";

import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/account/actions";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Settings: a new password; the other devices are signed out, this one stays. */
export function ChangePasswordForm() {
  const t = useTranslations("account.changePassword");
  const { state, pending, formProps } = useAction(changePasswordAction, { onSuccess: (_d, form) => form?.reset() });
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")}>
      <FormError message={formError(state, FIELDS)} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="password-changed">
            {t("changed")}
          </Notice>
        ) : null}
      </div>
      <PasswordField
        label={t("currentPassword")}
        name="currentPassword"
        autoComplete="current-password"
        required
        errors={fieldErrors(state, "currentPassword")}
      />
      <PasswordField
        label={t("newPassword")}
        name="newPassword"
        autoComplete="new-password"
        hint={t("newPasswordHint")}
        required
        errors={fieldErrors(state, "newPassword")}
      />
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
