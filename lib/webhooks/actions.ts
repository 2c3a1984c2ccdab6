"use server";

import { serverAction } from "@/lib/action";
import { createWebhook, pauseWebhook, removeWebhook, sendTestWebhook } from "@/lib/webhooks/endpoints";

// Settings → Webhooks (docs/decisions/0032), parents only.
export const createWebhookAction = serverAction(createWebhook, { revalidate: ["/settings"] });
export const removeWebhookAction = serverAction(removeWebhook, { revalidate: ["/settings"] });
export const sendTestWebhookAction = serverAction(sendTestWebhook, { revalidate: ["/settings"] });
export const pauseWebhookAction = serverAction(pauseWebhook, { revalidate: ["/settings"] });
