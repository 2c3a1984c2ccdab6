"use client";

import { useTranslations } from "next-intl";
import { deleteAccountAction } from "@/lib/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword"] as const;

/**
 * Settings: "Delete my account", after a second press and the current
 * password. Says what goes and what stays (docs/decisions/0030); the only
 * member is told the household goes too.
 */
export function DeleteAccountForm({ onlyMember, keepsName }: { onlyMember: boolean; keepsName: boolean }) {
  const t = useTranslations("account.deleteAccount");
  const { state, pending, formProps } = useAction(deleteAccountAction);
  const stays = onlyMember ? t("staysOnlyMember") : t("staysForOthers", { keepsName: keepsName ? "yes" : "no" });
  return (
    <div className="stack">
      <p className="small">{t("intro", { stays })}</p>
      <ConfirmAction
        trigger={t("trigger")}
        question={t("question")}
        detail={stays}
        confirm={
          <form {...formProps} className="form" noValidate aria-label={t("label")}>
            <FormError message={formError(state, FIELDS)} />
            <PasswordField
              label={t("password")}
              name="currentPassword"
              autoComplete="current-password"
              required
              errors={fieldErrors(state, "currentPassword")}
            />
            <SubmitButton pending={pending} pendingLabel={t("deleting")} className="button button-danger">
              {t("confirm")}
            </SubmitButton>
          </form>
        }
      />
    </div>
  );
}
