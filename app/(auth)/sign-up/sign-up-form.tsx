"use client";

import { signUpAction } from "@/lib/account/actions";
import { EmailField, PasswordField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["name", "email", "password"] as const;

export function SignUpForm({ next }: { next?: string }) {
  const { state, pending, formProps } = useAction(signUpAction);
  return (
    <form {...formProps} className="form" noValidate aria-label="Create your account">
      <FormError message={formError(state, FIELDS)} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField label="Your name" name="name" autoComplete="name" required errors={fieldErrors(state, "name")} />
      <EmailField required errors={fieldErrors(state, "email")} />
      <PasswordField
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases welcome."
        required
        errors={fieldErrors(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…" className="button button-block">
        Create account
      </SubmitButton>
    </form>
  );
}
