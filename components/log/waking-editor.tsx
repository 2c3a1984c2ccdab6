"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { deleteWakingAction } from "@/lib/log/actions";
import { RowMenu } from "@/components/ui/row-menu";
import { FORM_LOADING, lazyComponent, WhenOpened } from "@/components/ui/lazy";
import styles from "@/components/log/log.module.css";

/** A logged waking as its form needs it: its instants, and its times as the reader's clock shows them. */
export type TEditableWaking = {
  id: string;
  version: number;
  responderId: string;
  babyName: string;
  startedAt: string;
  /** Null while the waking is still open. */
  endedAt: string | null;
  /** The times for the reader (f.clockIn): "02:14", "2:14 AM"; "" while open. */
  startText: string;
  endText: string;
  helped: string[];
  note: string;
};

// The form loads when a row is first opened, and Remove when its menu is: a
// night lists many rows, and most are never changed.
const WakingForm = lazyComponent(() => import("@/components/log/waking-form").then((m) => m.WakingForm), FORM_LOADING);
const ConfirmRemove = lazyComponent(() => import("@/components/ui/confirm-remove").then((m) => m.ConfirmRemove));

/**
 * A waking's row that opens to change it when tapped (who, when, what helped,
 * note; saved against the version seen), with "Remove" in its ⋯ menu.
 */
export function WakingEditor({
  householdId,
  waking,
  timeZone,
  people,
  lines,
}: {
  householdId: string;
  waking: TEditableWaking;
  timeZone: string;
  people: { id: string; name: string; isMe: boolean }[];
  /** The row as the list shows it: tapping it opens the form. */
  lines: ReactNode;
}) {
  const t = useTranslations("log.editor");
  const [helped, setHelped] = useState(waking.helped);
  const [saved, setSaved] = useState(false);
  const what = t("what", { time: waking.startText });
  return (
    <>
      <details
        className={styles.editDetails}
        onToggle={(e) => {
          if (e.currentTarget.open) {
            setSaved(false);
            setHelped(waking.helped);
          }
        }}
      >
        <summary className={styles.itemSummary}>
          <span className={styles.itemLines}>{lines}</span>
          <span className="sr-only"> {t("change", { time: waking.startText })}</span>
        </summary>
        <WhenOpened>
          <WakingForm
            householdId={householdId}
            waking={waking}
            timeZone={timeZone}
            people={people}
            helped={helped}
            onHelpedChange={setHelped}
            onSaved={() => setSaved(true)}
          />
        </WhenOpened>
      </details>
      <RowMenu label={t("more", { time: waking.startText })}>
        <WhenOpened>
          <ConfirmRemove
            action={deleteWakingAction}
            what={what}
            question={
              waking.endedAt
                ? t("removeRange", { start: waking.startText, end: waking.endText })
                : t("remove", { start: waking.startText })
            }
            detail={t("removeDetail")}
            fields={{ householdId, wakingId: waking.id }}
          />
        </WhenOpened>
      </RowMenu>
      <p role="status" className={`small ${styles.editStatus}`} data-testid="waking-saved">
        {saved ? t("saved") : ""}
      </p>
    </>
  );
}
