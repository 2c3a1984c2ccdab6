"use client";

import Link from "next/link";
import { resetPasswordAction } from "@/lib/account/actions";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["password"] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, formProps } = useAction(resetPasswordAction);
  const linkProblem = state && !state.ok && !fieldErrors(state, "password");
  return (
    <form {...formProps} className="form" noValidate aria-label="Choose a new password">
      <FormError message={formError(state, FIELDS)} />
      {linkProblem ? (
        <p>
          <Link href="/forgot-password">Send a new link</Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases welcome."
        required
        errors={fieldErrors(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" className="button button-block">
        Save new password
      </SubmitButton>
    </form>
  );
}
