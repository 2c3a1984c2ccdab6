"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * A two-step button for things that are hard to undo. The first press opens a
 * short question beside it (focus moves there, so it is read out); the caller
 * supplies the real confirm button, and "Cancel" puts focus back.
 */
export function ConfirmAction({
  trigger,
  triggerClassName = "button button-secondary",
  question,
  detail,
  confirm,
  open: openProp,
  onOpenChange,
}: {
  trigger: ReactNode;
  triggerClassName?: string;
  question: ReactNode;
  detail?: ReactNode;
  /** The confirming control, e.g. a button that runs the mutation, or a small form. */
  confirm: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useTranslations("ui");
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const panelId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (wasOpen.current) triggerRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div>
      <button
        ref={triggerRef}
        type="button"
        className={triggerClassName}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </button>
      <div id={panelId} className="confirm" hidden={!open}>
        {open ? (
          <>
            <p ref={questionRef} tabIndex={-1}>
              {question}
            </p>
            {detail ? <p className="small">{detail}</p> : null}
            <div className="cluster">
              {confirm}
              <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
                {t("confirm.cancel")}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
