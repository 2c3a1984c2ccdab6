"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

export function ConfirmEmailForm({ token, newEmail }: { token: string; newEmail: string }) {
  const t = useTranslations("confirmEmail.form");
  const { state, pending, formProps } = useAction(confirmEmailChangeAction);
  return (
    <form {...formProps} className="form" aria-label={t("label")}>
      <FormError message={state && !state.ok ? state.message : undefined} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="email-changed">
            {t("done", { email: state.data.email })}
          </Notice>
        ) : null}
      </div>
      {state?.ok ? (
        <p>
          <Link href="/settings">{t("backToSettings")}</Link>
        </p>
      ) : (
        <>
          <p>{t.rich("question", { email: newEmail, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-block">
            {t("submit")}
          </SubmitButton>
        </>
      )}
    </form>
  );
}
