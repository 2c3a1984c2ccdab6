// The service worker's side of push: shows what the server sent, and opens
// the right screen when it is tapped. Imported by the service worker (the SW
// helper's file wires `self.addEventListener("push", handlePush)` and
// `("notificationclick", handleNotificationClick)`). No server code here, and
// no imports but the payload's type.
import type { TPushPayload } from "@/lib/push/payload";

// The few service-worker types used, declared here so this file type-checks
// under the app's DOM lib as well as under "webworker".
type TNotificationAction = { action: string; title: string };
type TShowOptions = NotificationOptions & { actions?: TNotificationAction[]; renotify?: boolean };
type TRegistration = { showNotification(title: string, options?: TShowOptions): Promise<void> };
type TWindowClient = { url: string; focus(): Promise<unknown>; navigate?(url: string): Promise<unknown> };
type TClients = {
  matchAll(o: { type: "window"; includeUncontrolled: boolean }): Promise<readonly TWindowClient[]>;
  openWindow(url: string): Promise<unknown>;
};
type TScope = { registration: TRegistration; clients: TClients; location: { origin: string } };
type TExtendable = { waitUntil(p: Promise<unknown>): void };
export type TPushEventLike = TExtendable & { data: { json(): unknown; text(): string } | null };
export type TNotificationClickLike = TExtendable & {
  action: string;
  notification: { data?: unknown; close(): void };
};

declare const self: TScope;

/** The answer buttons on a tap-out ("I'm coming" / "I can't right now"), when the payload brings none in its reader's words. */
export const TAPOUT_ACTIONS: TNotificationAction[] = [
  { action: "coming", title: "I'm coming" },
  { action: "cant", title: "I can't right now" },
];

function readPayload(event: TPushEventLike): TPushPayload {
  try {
    const p = event.data?.json() as Partial<TPushPayload> | undefined;
    if (p && typeof p.title === "string") {
      return {
        kind: p.kind ?? "swap",
        title: p.title,
        body: p.body ?? "",
        tag: p.tag ?? "attune",
        url: p.url ?? "/tonight",
        ...p,
      };
    }
  } catch {
    // A push without JSON: still show something (a user-visible push must show a notification).
  }
  return { kind: "swap", title: "Attune", body: event.data?.text() ?? "", tag: "attune", url: "/tonight" };
}

/** What the notification looks like, from the payload (exported for tests). */
export function notificationOptions(p: TPushPayload): TShowOptions {
  return {
    body: p.body,
    tag: p.tag,
    renotify: p.renotify ?? false,
    requireInteraction: p.requireInteraction ?? false,
    icon: "/icon.svg",
    badge: "/icon.svg",
    data: { url: p.url, kind: p.kind, tapOutId: p.tapOutId },
    ...(p.kind === "tapout" ? { actions: p.actions?.length ? p.actions : TAPOUT_ACTIONS } : {}),
  };
}

export function handlePush(event: TPushEventLike): void {
  const p = readPayload(event);
  event.waitUntil(self.registration.showNotification(p.title, notificationOptions(p)));
}

/**
 * Where a tap goes: the payload's url; a tap-out's answer button adds the
 * answer, so Tonight opens with it chosen (`/tonight?tapout=<id>&answer=coming`),
 * still one tap from sending (a notification can't carry the session safely).
 */
export function clickTarget(data: unknown, action: string, origin: string): string {
  const d = (data ?? {}) as { url?: string; tapOutId?: string };
  let url = new URL(typeof d.url === "string" ? d.url : "/tonight", origin);
  if (url.origin !== origin) url = new URL("/tonight", origin);
  if (d.tapOutId && (action === "coming" || action === "cant")) url.searchParams.set("answer", action);
  return url.href;
}

export function handleNotificationClick(event: TNotificationClickLike): void {
  event.notification.close();
  const target = clickTarget(event.notification.data, event.action, self.location.origin);
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const same = open.find((c) => new URL(c.url).origin === self.location.origin);
      if (same) {
        await same.navigate?.(target);
        await same.focus();
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
}
