"use client";

import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/lib/account/actions";
import { EmailField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["email"] as const;

/** The same answer for every well-formed address (no one learns which have accounts). */
export function ForgotPasswordForm({ sentMessage }: { sentMessage: string }) {
  const t = useTranslations("auth.forgotPassword.form");
  const { state, pending, formProps } = useAction(forgotPasswordAction);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")}>
      <FormError message={formError(state, FIELDS)} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="forgot-password-sent">
            {sentMessage}
          </Notice>
        ) : null}
      </div>
      <EmailField required errors={fieldErrors(state, "email")} />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-block">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
