"use client";

import { useEffect, useRef, useState } from "react";
import { Notice } from "@/components/ui/notice";
import styles from "./push.module.css";
import { useAction } from "@/components/ui/use-action";
import {
  readMyDeviceAction,
  setShiftRemindersAction,
  subscribePushAction,
  unsubscribePushAction,
} from "@/lib/push/actions";

type TStatus = "checking" | "unsupported" | "no-worker" | "blocked" | "off" | "on" | "failed";

/** The base64url VAPID public key as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

/** "Chrome on Android": enough to tell two phones apart in a list. */
function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Mac OS/.test(ua)
        ? "Mac"
        : /Windows/.test(ua)
          ? "Windows"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

async function workerReady(ms = 5000): Promise<ServiceWorkerRegistration | null> {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg) return null;
  return Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}

/**
 * "This phone: notifications on/off". Asks the browser for permission, then
 * subscribes through the app's service worker and tells the server; turning
 * off does both in reverse. Says kindly why when the browser can't.
 */
export function ThisPhonePush({
  householdId,
  applicationServerKey,
}: {
  householdId: string;
  applicationServerKey: string;
}) {
  const [status, setStatus] = useState<TStatus>("checking");
  const [reminders, setReminders] = useState(false);
  const sub = useRef<PushSubscription | null>(null);

  const read = useAction(readMyDeviceAction, {
    onSuccess: (d) => {
      setStatus(d.subscribed ? "on" : "off");
      setReminders(d.shiftReminders);
    },
  });
  const subscribe = useAction(subscribePushAction, { onSuccess: () => setStatus("on") });
  const unsubscribe = useAction(unsubscribePushAction, {
    onSuccess: () => {
      void sub.current?.unsubscribe();
      sub.current = null;
      setStatus("off");
      setReminders(false);
    },
  });
  const remind = useAction(setShiftRemindersAction);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
        if (!cancelled) setStatus("unsupported");
        return;
      }
      if (Notification.permission === "denied") return setStatus("blocked");
      const reg = await navigator.serviceWorker.getRegistration();
      if (cancelled) return;
      if (!reg) return setStatus("no-worker");
      const existing = await reg.pushManager.getSubscription();
      if (cancelled) return;
      sub.current = existing;
      if (existing) read.run(form({ householdId, endpoint: existing.endpoint }));
      else setStatus("off");
    })().catch(() => !cancelled && setStatus("failed"));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, [householdId]);

  async function turnOn() {
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setStatus(permission === "denied" ? "blocked" : "off");
      const reg = await workerReady();
      if (!reg) return setStatus("no-worker");
      let s = await reg.pushManager.getSubscription();
      // A subscription this browser kept for someone else (a shared phone): start afresh.
      if (s && status !== "on") {
        await s.unsubscribe();
        s = null;
      }
      s ??= await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(applicationServerKey),
      });
      sub.current = s;
      const json = s.toJSON();
      subscribe.run(
        form({
          householdId,
          endpoint: s.endpoint,
          p256dh: json.keys?.p256dh ?? "",
          auth: json.keys?.auth ?? "",
          label: deviceLabel(),
          shiftReminders: reminders ? "on" : "off",
        }),
      );
    } catch {
      setStatus("failed");
    }
  }

  function turnOff() {
    if (sub.current) unsubscribe.run(form({ householdId, endpoint: sub.current.endpoint }));
  }

  function toggleReminders(on: boolean) {
    setReminders(on);
    if (sub.current && status === "on")
      remind.run(form({ householdId, endpoint: sub.current.endpoint, shiftReminders: on ? "on" : "off" }));
  }

  const problem = [subscribe.state, unsubscribe.state, remind.state, read.state].find((s) => s && !s.ok);
  const pending = subscribe.pending || unsubscribe.pending || remind.pending;

  return (
    <div className="stack" data-testid="push-settings" data-status={status}>
      {status === "checking" ? <p>Checking this phone…</p> : null}
      {status === "unsupported" ? (
        <Notice>
          This browser can&apos;t show Attune&apos;s notifications. On an iPhone or iPad, add Attune to your Home Screen
          first (Share → Add to Home Screen), open it from there and come back here. Elsewhere, Chrome, Edge and Firefox
          can.
        </Notice>
      ) : null}
      {status === "no-worker" ? (
        <Notice>
          Notifications need Attune&apos;s app helper (its service worker), which isn&apos;t running in this tab yet.
          Reload the page once. If this stays, the browser may be in private mode, which doesn&apos;t allow it.
        </Notice>
      ) : null}
      {status === "blocked" ? (
        <Notice>
          Notifications are blocked for Attune in this browser. Allow them in the site settings (the icon beside the
          address), then come back and turn them on.
        </Notice>
      ) : null}
      {status === "failed" ? (
        <Notice tone="error">
          Something went wrong while setting up notifications on this phone. Please try again.
        </Notice>
      ) : null}
      {status === "off" || status === "on" || status === "failed" ? (
        <>
          <p data-testid="push-state">
            This phone: notifications are <strong>{status === "on" ? "on" : "off"}</strong>.
          </p>
          {status === "on" ? (
            <button type="button" className="button button-secondary" onClick={turnOff} disabled={pending}>
              Turn off on this phone
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void turnOn()} disabled={pending}>
              Turn on for this phone
            </button>
          )}
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={reminders}
              onChange={(e) => toggleReminders(e.target.checked)}
              disabled={pending}
            />
            Remind me 30 minutes before my shift
          </label>
        </>
      ) : null}
      {problem && !problem.ok ? (
        <Notice tone="error" role="alert">
          {problem.message}
        </Notice>
      ) : null}
    </div>
  );
}
