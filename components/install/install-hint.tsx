"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const DISMISSED_KEY = "attune-install-dismissed";

type TInstallPrompt = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

/**
 * "Add Attune to this phone": shown only where the browser offers installing
 * (it fires `beforeinstallprompt`), and not once installed. On Tonight it can
 * be dismissed (remembered on this phone); Settings always offers it.
 */
export function InstallHint({ dismissible = false }: { dismissible?: boolean }) {
  const t = useTranslations("install");
  const [prompt, setPrompt] = useState<TInstallPrompt | null>(null);
  const [dismissed, setDismissed] = useState(true);
  const [done, setDone] = useState(false);

  useEffect(() => {
    setDismissed(dismissible && localStorage.getItem(DISMISSED_KEY) === "1");
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setPrompt(e as TInstallPrompt);
    };
    const onInstalled = () => {
      setPrompt(null);
      setDone(true);
    };
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, [dismissible]);

  if (done)
    return (
      <p className="small muted" role="status" data-testid="install-done">
        {t("done")}
      </p>
    );
  if (!prompt || dismissed) return null;

  async function install() {
    if (!prompt) return;
    await prompt.prompt();
    const choice = await prompt.userChoice;
    setPrompt(null);
    if (choice.outcome === "accepted") setDone(true);
  }

  return (
    <div className="card stack" data-testid="install-hint" data-nursery-hide>
      <p>{t.rich("hint", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="cluster">
        <button type="button" className="button" onClick={install} style={{ minHeight: 48 }}>
          {t("install")}
        </button>
        {dismissible ? (
          <button
            type="button"
            className="button button-quiet"
            style={{ minHeight: 48 }}
            onClick={() => {
              localStorage.setItem(DISMISSED_KEY, "1");
              setDismissed(true);
            }}
          >
            {t("notNow")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
