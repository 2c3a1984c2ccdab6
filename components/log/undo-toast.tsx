"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { deleteWakingAction, reopenWakingAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { useAction } from "@/components/ui/use-action";
import { queuedTap } from "@/lib/offline/tap";
import { withoutWaking, withReopened } from "@/components/log/optimistic";
import styles from "@/components/log/log.module.css";

export const UNDO_SECONDS = 10;

/** What the last tap did, and how to take it back. */
export type TUndo = {
  /** A new key for every tap: the toast starts over. */
  key: number;
  message: string;
  /** "delete" takes back an "I'm up"; "reopen" takes back a "Back to sleep". */
  kind: "delete" | "reopen";
  wakingId: string;
};

/**
 * "Logged. Undo" for ten seconds, with the seconds left on screen. Rendered
 * inside the night log's status region, so the message is read out; the
 * countdown itself is not (it would chatter). When the tap that opened it
 * took the focused button away, focus comes here, so a keyboard user can undo
 * at once. The undo shows at once too (optimistic), and comes back if refused.
 */
export function UndoToast({
  householdId,
  undo,
  onClose,
}: {
  householdId: string;
  undo: TUndo;
  /** With a message to leave in the status region (or null), and whether focus was inside. */
  onClose: (message: string | null, hadFocus: boolean) => void;
}) {
  const t = useTranslations("log.undo");
  const [left, setLeft] = useState(UNDO_SECONDS);
  const boxRef = useRef<HTMLDivElement>(null);
  const hasFocus = () => Boolean(boxRef.current?.contains(document.activeElement));
  const { state, pending, run } = useAction(undo.kind === "delete" ? deleteWakingAction : reopenWakingAction, {
    // Offline: the undo waits on this phone with the rest, and is sent in order.
    ...queuedTap(undo.kind === "delete" ? "undoStart" : "undoEnd", () => onClose(null, hasFocus())),
    optimistic: {
      queryKey: logKeys.tonight(householdId),
      update: undo.kind === "delete" ? withoutWaking : withReopened,
    },
    onSuccess: () => onClose(undo.kind === "delete" ? t("undoneStart") : t("undoneEnd"), hasFocus()),
  });
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The button that was pressed goes away ("I'm up" becomes the waking's card;
  // "Done" leaves with it): if focus is lost then (to <body>), it comes here.
  useEffect(() => {
    const lost = () => {
      const active = document.activeElement;
      return !active || active === document.body || !active.isConnected;
    };
    let tries = 0;
    const t = setInterval(() => {
      if (lost()) buttonRef.current?.focus();
      if (document.activeElement === buttonRef.current || ++tries > 30) clearInterval(t);
    }, 100);
    if (lost()) buttonRef.current?.focus();
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (pending || state) return;
    if (left <= 0) {
      onClose(null, hasFocus());
      return;
    }
    const t = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(t);
  }, [left, pending, state, onClose]);

  // A refusal: the toast goes, and says why.
  useEffect(() => {
    if (state && !state.ok) onClose(t("failed", { reason: state.message }), hasFocus());
  }, [state, onClose, t]);

  function submit() {
    if (pending) return;
    const form = new FormData();
    form.set("householdId", householdId);
    form.set("wakingId", undo.wakingId);
    run(form);
  }

  return (
    <div ref={boxRef} className={styles.toast} data-testid="undo-toast">
      <p className={styles.toastMessage}>{undo.message}</p>
      <button
        ref={buttonRef}
        type="button"
        className={styles.undoButton}
        onClick={submit}
        aria-disabled={pending || undefined}
        data-testid="undo"
      >
        {pending ? (
          t("pending")
        ) : (
          <>
            {t("button")}
            <span className={styles.undoCount} aria-hidden="true">
              {t("seconds", { seconds: left })}
            </span>
          </>
        )}
      </button>
      <span className={styles.toastBar} style={{ transform: `scaleX(${left / UNDO_SECONDS})` }} aria-hidden="true" />
    </div>
  );
}
