"use client";

import { useTranslations } from "next-intl";
import { useText } from "@/components/use-text";
import { createWebhookAction, removeWebhookAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { SecretShownOnce, useKeptSecret } from "@/components/ui/secret-shown-once";
import { TextField } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/** Adds a webhook and shows its signing secret this once (the server keeps it sealed, and never shows it again). */
export function AddWebhook({ householdId }: { householdId: string }) {
  const t = useTranslations("webhooks.add");
  const text = useText();
  const create = useAction(createWebhookAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.secret : null);

  return (
    <div className="stack">
      {secret ? (
        <SecretShownOnce secret={secret} label={t("secretLabel")} hint={t("secretHint")} testId="webhook-created" />
      ) : null}
      <details className="subsection">
        <summary className="button button-secondary">{t("summary")}</summary>
        <form {...create.formProps} className="form" aria-label={t("formLabel")}>
          <FormError message={formError(create.state, ["name", "url", "events"])} />
          <input type="hidden" name="householdId" value={householdId} />
          <TextField
            label={t("name")}
            name="name"
            hint={t("nameHint")}
            errors={fieldErrors(create.state, "name")}
            maxLength={60}
            required
          />
          <TextField
            label={t("url")}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            hint={t("urlHint")}
            errors={fieldErrors(create.state, "url")}
            maxLength={2000}
            required
          />
          <CheckboxGroup
            legend={t("events")}
            name="events"
            options={WEBHOOK_EVENTS}
            label={(e) => text(WEBHOOK_EVENT_LABELS[e])}
            defaultChecked={(e) => e.startsWith("waking.")}
            errors={fieldErrors(create.state, "events")}
          />
          <SubmitButton pending={create.pending} pendingLabel={t("pending")}>
            {t("submit")}
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}

export function RemoveWebhook({
  householdId,
  webhookId,
  name,
}: {
  householdId: string;
  webhookId: string;
  name: string;
}) {
  const t = useTranslations("webhooks.remove");
  return (
    <ConfirmRemove
      action={removeWebhookAction}
      what={t("what", { name })}
      question={t("question", { name })}
      detail={t("detail")}
      fields={{ householdId, webhookId }}
    />
  );
}
