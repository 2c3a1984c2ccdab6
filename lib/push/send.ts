import "server-only";
import webpush from "web-push";
import { vapidKeys } from "@/lib/push/vapid";

// One push to one device: web-push encrypts (aes128gcm) and signs (VAPID);
// we post it with fetch, which also reaches a plain-http test push service.

export type TDevice = { endpoint: string; p256dh: string; auth: string };
export type TSendResult = { ok: true } | { ok: false; gone: boolean; error: string };

const TIMEOUT_MS = 10_000;
/** A VAPID token is signed once per push service and reused for an hour (they may live 24 h). */
const VAPID_REUSE_S = 3600;
const vapidHeaderFor = new Map<string, { authorization: string; until: number }>();

function vapidAuthorization(endpoint: string): string {
  const audience = new URL(endpoint).origin;
  const nowS = Math.floor(Date.now() / 1000);
  const hit = vapidHeaderFor.get(audience);
  if (hit && hit.until > nowS + 60) return hit.authorization;
  const v = vapidKeys();
  const until = nowS + 2 * VAPID_REUSE_S;
  const headers = webpush.getVapidHeaders(audience, v.subject, v.publicKey, v.privateKey, "aes128gcm", until);
  vapidHeaderFor.set(audience, { authorization: headers.Authorization, until: nowS + VAPID_REUSE_S });
  return headers.Authorization;
}

export async function sendPush(
  device: TDevice,
  payload: string,
  opts: { urgency: string; ttl: number; topic?: string },
): Promise<TSendResult> {
  let details: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
      payload,
      {
        headers: { Authorization: vapidAuthorization(device.endpoint) },
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
