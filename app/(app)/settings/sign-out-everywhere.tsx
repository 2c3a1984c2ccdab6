"use client";

import { useTranslations } from "next-intl";
import { signOutEverywhereAction } from "@/lib/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

/** Ends every session of this account (lost phone, shared tablet), after a second press. */
export function SignOutEverywhere() {
  const t = useTranslations("settings.signOutEverywhere");
  const { state, pending, formProps } = useAction(signOutEverywhereAction);
  return (
    <div>
      <ConfirmAction
        trigger={t("trigger")}
        question={t("question")}
        detail={t("detail")}
        confirm={
          <form {...formProps}>
            <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-danger">
              {t("confirm")}
            </SubmitButton>
          </form>
        }
      />
      <FormError message={state && !state.ok ? state.message : undefined} />
    </div>
  );
}
