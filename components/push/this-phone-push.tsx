"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
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

/** The browser and system ("Chrome", "Android"; "" when unknown): enough to tell two phones apart in a list. */
function deviceParts(): { browser: string; os: string } {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "";
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
  return { browser, os };
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
  const t = useTranslations("pushSettings");
  /** "Chrome on Android" in the reader's words. */
  const deviceLabel = () => {
    const { browser, os } = deviceParts();
    const name = browser || t("unknownBrowser");
    return os ? t("deviceLabel", { browser: name, os }) : name;
  };
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
      {status === "checking" ? <p>{t("checking")}</p> : null}
      {status === "unsupported" ? <Notice>{t("unsupported")}</Notice> : null}
      {status === "no-worker" ? <Notice>{t("noWorker")}</Notice> : null}
      {status === "blocked" ? <Notice>{t("blocked")}</Notice> : null}
      {status === "failed" ? <Notice tone="error">{t("failed")}</Notice> : null}
      {status === "off" || status === "on" || status === "failed" ? (
        <>
          <p data-testid="push-state">
            {t.rich("state", {
              on: status === "on" ? "yes" : "no",
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          {status === "on" ? (
            <button type="button" className="button button-secondary" onClick={turnOff} disabled={pending}>
              {t("turnOff")}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void turnOn()} disabled={pending}>
              {t("turnOn")}
            </button>
          )}
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={reminders}
              onChange={(e) => toggleReminders(e.target.checked)}
              disabled={pending}
            />
            {t("reminders")}
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
