"use client";

import {
  createWebhookAction,
  pauseWebhookAction,
  removeWebhookAction,
  sendTestWebhookAction,
} from "@/lib/webhooks/actions";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { SecretShownOnce, useKeptSecret } from "@/components/ui/secret-shown-once";
import { FieldError, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/** Adds a webhook and shows its signing secret this once (the server keeps it sealed, and never shows it again). */
export function AddWebhook({ householdId }: { householdId: string }) {
  const create = useAction(createWebhookAction);
  const secret = useKeptSecret(create.state?.ok ? create.state.data.secret : null);
  const eventErrors = fieldErrors(create.state, "events");

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
          <fieldset aria-describedby={eventErrors ? "webhook-events-error" : undefined}>
            <legend>Send when</legend>
            {WEBHOOK_EVENTS.map((e) => (
              <label key={e} className="choice">
                <input type="checkbox" name="events" value={e} defaultChecked={e.startsWith("waking.")} />
                <span>{WEBHOOK_EVENT_LABELS[e]}</span>
              </label>
            ))}
            <FieldError id="webhook-events-error" messages={eventErrors} />
          </fieldset>
          <SubmitButton pending={create.pending} pendingLabel="Adding…">
            Add the webhook
          </SubmitButton>
        </form>
      </details>
    </div>
  );
}

/** "Send a test event": a webhook.test delivery, listed below like any other. */
export function SendTestWebhook({
  householdId,
  webhookId,
  name,
}: {
  householdId: string;
  webhookId: string;
  name: string;
}) {
  const { state, pending, formProps } = useAction(sendTestWebhookAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <SubmitButton pending={pending} pendingLabel="Sending…" className="button button-secondary">
        Send a test event<span className="sr-only"> to {name}</span>
      </SubmitButton>
      {state?.ok ? (
        <p role="status" className="small muted">
          Sent for delivery: it shows in the list below.
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}

/** Pause (nothing is sent, and events meanwhile are not kept) or resume a webhook. */
export function PauseWebhook({
  householdId,
  webhookId,
  name,
  paused,
}: {
  householdId: string;
  webhookId: string;
  name: string;
  paused: boolean;
}) {
  const { state, pending, formProps } = useAction(pauseWebhookAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="to" value={paused ? "resume" : "pause"} />
      <SubmitButton
        pending={pending}
        pendingLabel={paused ? "Resuming…" : "Pausing…"}
        className="button button-secondary"
      >
        {paused ? "Resume" : "Pause"}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
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
