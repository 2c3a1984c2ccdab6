"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { invalidateQueries } from "@/lib/query-bridge";
import { deleteWakingAction, updateWakingAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { Field, SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { RowMenu } from "@/components/ui/row-menu";
import { HelpedTags } from "@/components/log/helped-tags";
import styles from "@/components/log/log.module.css";
import { closeDetails } from "@/components/ui/close-details";

/** A logged waking as its form needs it: clock times in the household's zone, as values and as words. */
export type TEditableWaking = {
  id: string;
  version: number;
  responderId: string;
  babyName: string;
  /** The form's values, "02:14" (clockValue). */
  start: string;
  /** "" while the waking is still open. */
  end: string;
  /** The same times for the reader (f.clockIn): "02:14", "2:14 AM". */
  startText: string;
  endText: string;
  helped: string[];
  note: string;
};

const FIELDS = ["responderId", "start", "end", "helped", "note"] as const;

/**
 * A waking's row that opens to change it when tapped (who, when, what helped,
 * note; saved against the version seen), with "Remove" in its ⋯ menu.
 */
export function WakingEditor({
  householdId,
  waking,
  people,
  lines,
}: {
  householdId: string;
  waking: TEditableWaking;
  people: { id: string; name: string; isMe: boolean }[];
  /** The row as the list shows it: tapping it opens the form. */
  lines: ReactNode;
}) {
  const t = useTranslations("log.editor");
  const router = useRouter();
  const [helped, setHelped] = useState(waking.helped);
  const [saved, setSaved] = useState(false);
  const { state, pending, formProps } = useAction(updateWakingAction, {
    onSuccess: (_d, form) => {
      setSaved(true);
      if (form) closeDetails(form);
      // Tonight's list is held in React Query; the recent nights are server-rendered.
      invalidateQueries(logKeys.all);
      router.refresh();
    },
  });
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
        {/* Keyed by version: after a refresh the fields show the latest. */}
        <form
          key={waking.version}
          {...formProps}
          className="form"
          noValidate
          aria-label={t("change", { time: waking.startText })}
        >
          <FormError message={formError(state, FIELDS)} />
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="wakingId" value={waking.id} />
          <input type="hidden" name="version" value={waking.version} />
          <SelectField
            label={t("who")}
            name="responderId"
            defaultValue={waking.responderId}
            errors={fieldErrors(state, "responderId")}
          >
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.isMe ? t("you", { name: p.name }) : p.name}
              </option>
            ))}
          </SelectField>
          <div className={styles.pair}>
            <ClockField
              label={t("start")}
              name="start"
              defaultValue={waking.start}
              required
              errors={fieldErrors(state, "start")}
            />
            <ClockField
              label={t("end")}
              name="end"
              defaultValue={waking.end}
              hint={waking.end ? undefined : t("endHint")}
              errors={fieldErrors(state, "end")}
            />
          </div>
          <HelpedTags value={helped} onChange={setHelped} />
          <Field label={t("note")} errors={fieldErrors(state, "note")}>
            {(control) => (
              <textarea
                {...control}
                name="note"
                rows={2}
                maxLength={280}
                defaultValue={waking.note}
                className={styles.textarea}
              />
            )}
          </Field>
          <SubmitButton pending={pending} pendingLabel={t("saving")}>
            {t("save")}
          </SubmitButton>
        </form>
      </details>
      <RowMenu label={t("more", { time: waking.startText })}>
        <ConfirmRemove
          action={deleteWakingAction}
          what={what}
          question={
            waking.end
              ? t("removeRange", { start: waking.startText, end: waking.endText })
              : t("remove", { start: waking.startText })
          }
          detail={t("removeDetail")}
          fields={{ householdId, wakingId: waking.id }}
        />
      </RowMenu>
      <p role="status" className={`small ${styles.editStatus}`} data-testid="waking-saved">
        {saved && state?.ok ? t("saved") : ""}
      </p>
    </>
  );
}
