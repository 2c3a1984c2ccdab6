"use client";

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
  const create = useAction(createWebhookAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.secret : null);

  return (
    <div className="stack">
      {secret ? (
        <SecretShownOnce
          secret={secret}
          label="Signing secret"
          hint="Copy it into the receiving system now: we only show it once. It checks that a delivery came from Attune."
          testId="webhook-created"
        />
      ) : null}
      <details className="subsection">
        <summary className="button button-secondary">Add a webhook</summary>
        <form {...create.formProps} className="form" aria-label="Add a webhook">
          <FormError message={formError(create.state, ["name", "url", "events"])} />
          <input type="hidden" name="householdId" value={householdId} />
          <TextField
            label="Name"
            name="name"
            hint="So you know what it is: “Home Assistant”."
            errors={fieldErrors(create.state, "name")}
            maxLength={60}
            required
          />
          <TextField
            label="URL"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            hint="Where Attune POSTs each event. An address on your home network (http://192.168.…) works too."
            errors={fieldErrors(create.state, "url")}
            maxLength={2000}
            required
          />
          <CheckboxGroup
            legend="Send when"
            name="events"
            options={WEBHOOK_EVENTS}
            label={(e) => WEBHOOK_EVENT_LABELS[e]}
            defaultChecked={(e) => e.startsWith("waking.")}
            errors={fieldErrors(create.state, "events")}
          />
          <SubmitButton pending={create.pending} pendingLabel="Adding…">
            Add the webhook
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
  return (
    <ConfirmRemove
      action={removeWebhookAction}
      what={`the webhook ${name}`}
      question={`Remove “${name}”?`}
      detail="Attune stops sending to it at once, and its delivery list and secret are deleted."
      fields={{ householdId, webhookId }}
    />
  );
}
