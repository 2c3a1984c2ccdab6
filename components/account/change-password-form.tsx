"use client";

import { changePasswordAction } from "@/lib/account/actions";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Settings: a new password; the other devices are signed out, this one stays. */
export function ChangePasswordForm() {
  const { state, pending, formProps } = useAction(changePasswordAction, { onSuccess: (_d, form) => form?.reset() });
  return (
    <form {...formProps} className="form" noValidate aria-label="Change password">
      <FormError message={formError(state, FIELDS)} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="password-changed">
            Your password is changed. Your other devices are signed out; this one stays signed in.
          </Notice>
        ) : null}
      </div>
      <PasswordField
        label="Current password"
        name="currentPassword"
        autoComplete="current-password"
        required
        errors={fieldErrors(state, "currentPassword")}
      />
      <PasswordField
        label="New password"
        name="newPassword"
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases welcome."
        required
        errors={fieldErrors(state, "newPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save new password
      </SubmitButton>
    </form>
  );
}
