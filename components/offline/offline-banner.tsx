"use client";

import { useTranslations } from "next-intl";
import styles from "@/components/log/log.module.css";

/** On Tonight while the phone is offline or taps wait in its queue (components/offline/use-offline-queue.ts). */
export function OfflineBanner({ online, waiting }: { online: boolean; waiting: number }) {
  const t = useTranslations("offline");
  if (online && waiting === 0) return null;
  return (
    <p className={`card ${styles.offlineBanner}`} role="status" data-testid="offline-banner">
      {online ? t("sending", { count: waiting }) : t("offline")}
    </p>
  );
}
