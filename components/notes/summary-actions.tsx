"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { dismissSummaryAction, markThanksSeenAction, sendThanksAction } from "@/lib/notes/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction, type TFormAction } from "@/components/ui/use-action";

/** One tap: "Thank you, Alex" for a night. Sending twice is harmless (one per night per pair). */
export function ThankButton({
  householdId,
  toId,
  name,
  night,
  thanked,
}: {
  householdId: string;
  toId: string;
  name: string;
  night: string;
  thanked: boolean;
}) {
  const t = useTranslations("notes.thank");
  const router = useRouter();
  const { state, pending, formProps } = useAction(sendThanksAction, { onSuccess: () => router.refresh() });
  const done = thanked || Boolean(state?.ok);
  return (
    <form {...formProps} aria-label={t("label", { name })}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="toId" value={toId} />
      <input type="hidden" name="nightDate" value={night} />
      {done ? (
        <p role="status" className="status-pill" data-testid="thanks-sent">
          <span aria-hidden="true">♥</span> {t("sent", { name })}
        </p>
      ) : (
        <SubmitButton pending={pending} pendingLabel={t("sending")}>
          <span aria-hidden="true">♥ </span>
          {t("button", { name })}
        </SubmitButton>
      )}
      {state && !state.ok ? <FormError message={state.message} testId="thanks-error" /> : null}
    </form>
  );
}

/** A small button that posts only the household id (put the summary away, thank-yous seen). */
export function PutAwayButton({
  householdId,
  kind,
  label,
}: {
  householdId: string;
  kind: "summary" | "thanks";
  label: string;
}) {
  const router = useRouter();
  const action: TFormAction<unknown> = kind === "summary" ? dismissSummaryAction : markThanksSeenAction;
  const { state, pending, formProps } = useAction(action, { onSuccess: () => router.refresh() });
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <SubmitButton pending={pending} className="button button-secondary">
        {label}
      </SubmitButton>
      {state && !state.ok ? <FormError message={state.message} testId={`${kind}-error`} /> : null}
    </form>
  );
}
