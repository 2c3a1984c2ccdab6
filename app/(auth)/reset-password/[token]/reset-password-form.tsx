"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/account/actions";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["password"] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const { state, pending, formProps } = useAction(resetPasswordAction);
  const linkProblem = state && !state.ok && !fieldErrors(state, "password");
  return (
    <form {...formProps} className="form" noValidate aria-label={t("resetPassword.form.label")}>
      <FormError message={formError(state, FIELDS)} />
      {linkProblem ? (
        <p>
          <Link href="/forgot-password">{t("resetPassword.sendNewLink")}</Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <PasswordField
        label={t("resetPassword.form.newPassword")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        required
        errors={fieldErrors(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel={t("resetPassword.form.pending")} className="button button-block">
        {t("resetPassword.form.submit")}
      </SubmitButton>
    </form>
  );
}
