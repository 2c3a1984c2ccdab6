"use client";

import styles from "@/components/log/log.module.css";

/** On Tonight while the phone is offline or taps wait in its queue (components/offline/use-offline-queue.ts). */
export function OfflineBanner({ online, waiting }: { online: boolean; waiting: number }) {
  if (online && waiting === 0) return null;
  return (
    <p className={`card ${styles.offlineBanner}`} role="status" data-testid="offline-banner">
      {online
        ? `Sending ${waiting === 1 ? "a tap" : `${waiting} taps`} saved on this phone…`
        : "Offline — your taps are kept and sent when you're back."}
    </p>
  );
}
