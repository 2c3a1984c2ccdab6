"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import "./nursery.css";

const STORAGE_KEY = "attune-nursery";

type TWakeLockSentinel = {
  released: boolean;
  release(): Promise<void>;
  addEventListener(t: "release", f: () => void): void;
};
type TWakeLock = { request(type: "screen"): Promise<TWakeLockSentinel> };

function wakeLockApi(): TWakeLock | null {
  const nav = navigator as Navigator & { wakeLock?: TWakeLock };
  return nav.wakeLock ?? null;
}

type TAwake = "idle" | "awake" | "unsupported" | "refused";

/**
 * Nursery mode: keeps the screen awake (Screen Wake Lock, asked again each
 * time the page becomes visible, since the browser lets it go when the page
 * is hidden), dims Tonight further and leaves only what the night needs. The
 * choice lives on this phone only (localStorage).
 */
export function NurseryMode() {
  const t = useTranslations("nursery");
  const [on, setOn] = useState(false);
  const [awake, setAwake] = useState<TAwake>("idle");
  const sentinel = useRef<TWakeLockSentinel | null>(null);

  // The saved choice, read after hydration (the server cannot know it).
  useEffect(() => {
    if (localStorage.getItem(STORAGE_KEY) === "on") setOn(true);
  }, []);

  const acquire = useCallback(async () => {
    const api = wakeLockApi();
    if (!api) {
      setAwake("unsupported");
      return;
    }
    if (sentinel.current && !sentinel.current.released) return;
    try {
      const lock = await api.request("screen");
      sentinel.current = lock;
      setAwake("awake");
      lock.addEventListener("release", () => {
        if (sentinel.current === lock) setAwake("idle");
      });
    } catch {
      setAwake("refused");
    }
  }, []);

  useEffect(() => {
    const html = document.documentElement;
    if (!on) {
      delete html.dataset.nursery;
      return;
    }
    html.dataset.nursery = "on";
    void acquire();
    const onVisible = () => {
      if (document.visibilityState === "visible") void acquire();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      delete html.dataset.nursery;
      const lock = sentinel.current;
      sentinel.current = null;
      if (lock && !lock.released) void lock.release().catch(() => undefined);
      setAwake("idle");
    };
  }, [on, acquire]);

  function toggle() {
    const next = !on;
    setOn(next);
    localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
  }

  return (
    <div className="nursery-tools-item">
      <button
        type="button"
        className={on ? "button" : "button button-secondary"}
        aria-pressed={on}
        onClick={toggle}
        data-testid="nursery-toggle"
      >
        {t("button")}
      </button>
      <p className="small muted nursery-note" role="status" data-testid="nursery-status">
        {!on
          ? ""
          : awake === "awake"
            ? t("awake")
            : awake === "unsupported"
              ? t("unsupported")
              : awake === "refused"
                ? t("refused")
                : t("on")}
      </p>
    </div>
  );
}
