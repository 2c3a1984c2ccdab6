import "server-only";
import webpush from "web-push";
import { vapidKeys } from "@/lib/push/vapid";

// One push to one device: web-push encrypts (aes128gcm) and signs (VAPID);
// we post it with fetch, which also reaches a plain-http test push service.

export type TDevice = { endpoint: string; p256dh: string; auth: string };
export type TSendResult = { ok: true } | { ok: false; gone: boolean; error: string };

const TIMEOUT_MS = 10_000;

export async function sendPush(
  device: TDevice,
  payload: string,
  opts: { urgency: string; ttl: number; topic?: string },
): Promise<TSendResult> {
  const v = vapidKeys();
  let details: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      payload,
      {
        vapidDetails: v,
        TTL: opts.ttl,
        urgency: opts.urgency as webpush.Urgency,
        contentEncoding: "aes128gcm",
        ...(opts.topic ? { topic: opts.topic } : {}),
      },
    );
  } catch (e) {
    // Keys the push library can't use: the subscription can never work.
    return { ok: false, gone: true, error: `bad subscription: ${(e as Error).message}` };
  }
  try {
    const res = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : null,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return { ok: true };
    return { ok: false, gone: res.status === 404 || res.status === 410, error: `push service answered ${res.status}` };
  } catch (e) {
    return { ok: false, gone: false, error: (e as Error).message.slice(0, 200) };
  }
}
