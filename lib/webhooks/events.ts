// The events a webhook may subscribe to, and what each one's `data` carries
import { msg } from "@/lib/i18n/text";
// (docs/webhooks.md). Plain data, no server code: Settings shows the labels.
// The set is also a CHECK in the migration (webhook_endpoints_events_check).

export const WEBHOOK_EVENTS = [
  "waking.started",
  "waking.ended",
  "waking.reopened",
  "waking.changed",
  "waking.removed",
  "tapout.requested",
  "tapout.answered",
  "swap.requested",
  "swap.answered",
] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The one event that is no subscription: "Send a test event" in Settings. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<TWebhookEventType, string> = {
  "waking.started": msg("webhooks.events.wakingStarted"),
  "waking.ended": msg("webhooks.events.wakingEnded"),
  "waking.reopened": msg("webhooks.events.wakingReopened"),
  "waking.changed": msg("webhooks.events.wakingChanged"),
  "waking.removed": msg("webhooks.events.wakingRemoved"),
  "tapout.requested": msg("webhooks.events.tapoutRequested"),
  "tapout.answered": msg("webhooks.events.tapoutAnswered"),
  "swap.requested": msg("webhooks.events.swapRequested"),
  "swap.answered": msg("webhooks.events.swapAnswered"),
};

/** An instant as a webhook carries it: ISO 8601 in UTC. */
type TIso = string;

/** Each event's `data`: ids, times in UTC, and names as the household sees them (never an email). */
export type TWebhookData = {
  "waking.started": {
    wakingId: string;
    babyId: string;
    babyName: string;
    responderName: string;
    startedAt: TIso;
    cryingAt: TIso | null;
  };
  "waking.ended": {
    wakingId: string;
    babyId: string;
    babyName: string;
    startedAt: TIso;
    endedAt: TIso;
    minutes: number;
    helped: string[];
    endedByName: string;
  };
  /** The undo of "Back to sleep": the waking is open again, as it was before `waking.ended`. */
  "waking.reopened": { wakingId: string; babyId: string; babyName: string; startedAt: TIso; reopenedByName: string };
  /** A correction afterwards: the waking as it now stands (`endedAt` null while it is open). */
  "waking.changed": {
    wakingId: string;
    babyId: string;
    babyName: string;
    responderName: string;
    startedAt: TIso;
    endedAt: TIso | null;
    helped: string[];
    changedByName: string;
  };
  /** Removed from the log (also the undo of "I'm up"); `wasOpen`: it had not ended. */
  "waking.removed": {
    wakingId: string;
    babyId: string;
    babyName: string;
    startedAt: TIso;
    wasOpen: boolean;
    removedByName: string;
  };
  "tapout.requested": { tapOutId: string; requesterName: string; requestedAt: TIso };
  "tapout.answered": { tapOutId: string; answer: "coming" | "cant"; answeredByName: string; answeredAt: TIso };
  "swap.requested": {
    swapId: string;
    shiftId: string;
    fromName: string;
    toName: string;
    requestedByName: string;
    startsAt: TIso;
    endsAt: TIso;
  };
  "swap.answered": {
    swapId: string;
    shiftId: string;
    answer: "accepted" | "declined";
    answeredByName: string;
    startsAt: TIso;
    endsAt: TIso;
  };
};

/** A webhook event as the domain hands it over, inside its transaction (lib/live/publish.ts). */
export type TWebhookEvent = {
  [K in TWebhookEventType]: { type: K; occurredAt: Date; data: TWebhookData[K] };
}[TWebhookEventType];
