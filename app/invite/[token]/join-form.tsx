"use client";

import { useTranslations } from "next-intl";
import { acceptInviteAction } from "@/lib/household/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

export function JoinForm({ token, householdName }: { token: string; householdName: string }) {
  const t = useTranslations("invite.join");
  const { state, pending, formProps } = useAction(acceptInviteAction);
  return (
    <form {...formProps} className="form" aria-label={t("label", { household: householdName })}>
      <FormError message={formError(state, [])} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel={t("pending")} className="button button-block">
        {t("submit", { household: householdName })}
      </SubmitButton>
    </form>
  );
}
