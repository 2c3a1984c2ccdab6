"use client";

import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/account/actions";
import { EmailField, PasswordField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["name", "email", "password"] as const;

export function SignUpForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const { state, pending, formProps } = useAction(signUpAction);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("signUp.form.label")}>
      <FormError message={formError(state, FIELDS)} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label={t("signUp.form.name")}
        name="name"
        autoComplete="name"
        required
        errors={fieldErrors(state, "name")}
      />
      <EmailField required errors={fieldErrors(state, "email")} />
      <PasswordField
        autoComplete="new-password"
        hint={t("passwordHint")}
        required
        errors={fieldErrors(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel={t("signUp.form.pending")} className="button button-block">
        {t("signUp.form.submit")}
      </SubmitButton>
    </form>
  );
}
