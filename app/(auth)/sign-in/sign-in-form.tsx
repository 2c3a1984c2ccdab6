"use client";

import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/account/actions";
import { EmailField, PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["email", "password"] as const;

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const t = useTranslations("auth.signIn.form");
  const { state, pending, formProps } = useAction(signInAction);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")}>
      <FormError message={formError(state, FIELDS)} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField required defaultValue={email} errors={fieldErrors(state, "email")} />
      <PasswordField autoComplete="current-password" required errors={fieldErrors(state, "password")} />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-block">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
