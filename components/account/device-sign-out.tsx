"use client";

import { useTranslations } from "next-intl";
import { signOutDeviceAction } from "@/lib/account/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

/** "Sign out" for another of your devices: its cookie stops working at its next request. */
export function DeviceSignOut({ sessionId, what }: { sessionId: string; what: string }) {
  const t = useTranslations("account.devices");
  const { state, pending, formProps } = useAction(signOutDeviceAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton pending={pending} pendingLabel={t("signingOut")} className="button button-secondary">
        {t("signOut")}
        <span className="sr-only"> {what}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}
