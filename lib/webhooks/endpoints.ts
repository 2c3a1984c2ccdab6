import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { consumeWebhookTest } from "@/lib/auth/throttle";
import { ZId, ZList, ZName } from "@/lib/validation";
import { ZWebhookUrl } from "@/lib/webhooks/address";
import { enqueueTestDelivery } from "@/lib/webhooks/enqueue";
import { WEBHOOK_EVENTS, type TWebhookEventType } from "@/lib/webhooks/events";
import { newWebhookSecret, sealSecret } from "@/lib/webhooks/secret";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg } from "@/lib/i18n/text";

// Settings → Webhooks (docs/decisions/0032): parents add a URL for chosen
// events, see its recent deliveries, send a test event, and remove it.
// Helpers are refused by the request context (role: "parent"; the rule is
// lib/household/rights.ts canManageWebhooks). The secret is shown once.

/** Enough for a home automation and a few experiments; few enough to review. */
export const MAX_WEBHOOKS_PER_HOUSEHOLD = 10;
/** Deliveries Settings shows per webhook. */
export const RECENT_DELIVERIES = 20;

const PARENTS = { role: "parent" } as const;

const ZEvents = ZList(
  z.enum(WEBHOOK_EVENTS, { error: msg("webhooks.errors.chooseFromList") }),
  WEBHOOK_EVENTS.length,
).refine((e) => e.length > 0, msg("webhooks.errors.chooseOne"));

export const ZCreateWebhook = z.object({
  householdId: ZId,
  name: ZName(msg("webhooks.what.name"), 60),
  url: ZWebhookUrl,
  events: ZEvents,
});

export type TCreatedWebhook = { id: string; name: string; secret: string };

/** Adds a webhook; its secret exists in plain only in this return value. */
export const createWebhook = householdAction(
  ZCreateWebhook,
  PARENTS,
  async ({ me, data, now }): Promise<TCreatedWebhook> => {
    const count = await db.webhookEndpoint.count({ where: { householdId: me.householdId } });
    if (count >= MAX_WEBHOOKS_PER_HOUSEHOLD)
      throw forbidden(msg("webhooks.errors.tooMany", { max: MAX_WEBHOOKS_PER_HOUSEHOLD }));
    const secret = newWebhookSecret();
    const row = await db.webhookEndpoint.create({
      data: {
        householdId: me.householdId,
        name: data.name,
        url: data.url,
        events: WEBHOOK_EVENTS.filter((e) => data.events.includes(e)),
        sealedSecret: sealSecret(secret),
        createdById: me.caregiverId,
        createdAt: now,
      },
      select: { id: true, name: true },
    });
    return { ...row, secret };
  },
);

const ZWebhookRef = z.object({ householdId: ZId, webhookId: ZId });

/** Removes a webhook with its deliveries (nothing pending is sent after this commits) and its secret. */
export const removeWebhook = householdAction(ZWebhookRef, PARENTS, async ({ me, data }): Promise<void> => {
  const res = await db.webhookEndpoint.deleteMany({ where: { id: data.webhookId, householdId: me.householdId } });
  if (res.count === 0) throw notFound(msg("errors.what.webhook"));
});

export const ZPauseWebhook = ZWebhookRef.extend({
  to: z.enum(["pause", "resume"], { error: msg("webhooks.errors.pauseOrResume") }),
});

/**
 * Pauses a webhook (nothing is enqueued for it, and what was waiting fails
 * unsent: events while paused are not kept) or resumes it. Parents only.
 */
export const pauseWebhook = householdAction(ZPauseWebhook, PARENTS, async ({ me, data, now }): Promise<void> => {
  // Pausing a paused webhook keeps the time it was first paused ("paused since").
  const res = await db.webhookEndpoint.updateMany({
    where: { id: data.webhookId, householdId: me.householdId, ...(data.to === "pause" ? { disabledAt: null } : {}) },
    data: { disabledAt: data.to === "pause" ? now : null },
  });
  if (
    res.count === 0 &&
    !(await db.webhookEndpoint.count({ where: { id: data.webhookId, householdId: me.householdId } }))
  )
    throw notFound(msg("errors.what.webhook"));
});

/** A wait as lib/format.ts's durationShort says it ("5 min", "1 h 5 min"), as a message reference. */
function waitText(seconds: number): string {
  const total = Math.round(seconds / 60);
  const [hours, minutes] = [Math.floor(total / 60), total % 60];
  if (!hours) return msg("format.minutes", { minutes });
  return minutes ? msg("format.hoursMinutes", { hours, minutes }) : msg("format.hours", { hours });
}

/** "Send a test event": a `webhook.test` delivery to this webhook only, sent like any other. */
export const sendTestWebhook = householdAction(
  ZWebhookRef,
  PARENTS,
  async ({ me, household, data, now }): Promise<{ deliveryId: string }> => {
    const wait = await consumeWebhookTest(household.id);
    if (wait > 0) throw new AppError("throttled", msg("webhooks.errors.tooManyTests", { wait: waitText(wait) }));
    const id = await db.$transaction((tx) =>
      enqueueTestDelivery(
        tx,
        me.householdId,
        data.webhookId,
        { householdName: household.name, sentByName: me.name },
        now,
      ),
    );
    if (!id) {
      const paused = await db.webhookEndpoint.count({
        where: { id: data.webhookId, householdId: me.householdId, disabledAt: { not: null } },
      });
      if (paused) throw invalid(msg("webhooks.errors.paused"));
      throw notFound(msg("errors.what.webhook"));
    }
    return { deliveryId: id };
  },
);

export type TDeliveryView = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
};

export type TWebhookView = {
  id: string;
  name: string;
  url: string;
  events: TWebhookEventType[];
  createdAt: Date;
  createdByName: string | null;
  /** Paused since (nothing is sent), or null. */
  pausedAt: Date | null;
  deliveries: TDeliveryView[];
};

/** The household's webhooks with their last deliveries, for Settings (parents only). One statement. */
export const listWebhooks = householdQuery(
  z.object({ householdId: ZId }),
  PARENTS,
  async ({ me }): Promise<TWebhookView[]> => {
    const rows = await db.webhookEndpoint.findMany({
      where: { householdId: me.householdId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        url: true,
        events: true,
        createdAt: true,
        disabledAt: true,
        createdBy: { select: CAREGIVER_NAME_SELECT },
        deliveries: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: RECENT_DELIVERIES,
          select: {
            id: true,
            event: true,
            status: true,
            attempts: true,
            lastStatusCode: true,
            lastError: true,
            createdAt: true,
            deliveredAt: true,
            nextAttemptAt: true,
          },
        },
      },
    });
    return rows.map(({ createdBy, events, disabledAt, ...r }) => ({
      ...r,
      pausedAt: disabledAt,
      events: WEBHOOK_EVENTS.filter((e) => events.includes(e)),
      createdByName: createdBy ? caregiverName(createdBy) : null,
    }));
  },
);
