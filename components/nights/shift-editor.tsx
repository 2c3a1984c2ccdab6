"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useText } from "@/components/use-text";
import { createShiftAction, deleteShiftAction, splitShiftAction, updateShiftAction } from "@/lib/nights/actions";
import { FormError } from "@/components/ui/form-error";
import { formError, useAction } from "@/components/ui/use-action";
import styles from "@/components/nights/nights.module.css";
import { closeDetails } from "@/components/ui/close-details";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { FORM_LOADING, lazyComponent, WhenOpened } from "@/components/ui/lazy";

/** Someone a shift may go to (helpers only get themselves). */
export type TCaregiverOption = { id: string; name: string; isMe: boolean };

/** A shift as its forms need it: clock times in the household's zone. */
export type TEditableShift = {
  id: string;
  version: number;
  caregiverId: string;
  name: string;
  /** Machine clock values ("19:00") for the time fields. */
  start: string;
  end: string;
  /** The same times as the reader's clock shows them ("7:00 PM"). */
  startText: string;
  endText: string;
  /** Where "Split" starts: about halfway (a machine clock value). */
  splitAt: string;
  /** Who "Split" offers for the second part first. */
  splitTo: string;
};

// The fields load when a form is first shown (./shift-fields): opened, or "Add a shift" while part of the night is open.
const fields = () => import("@/components/nights/shift-fields");
const ShiftFields = lazyComponent(() => fields().then((m) => m.ShiftFields), FORM_LOADING);
const SplitFields = lazyComponent(() => fields().then((m) => m.SplitFields), FORM_LOADING);

const EDIT_FIELDS = ["caregiverId", "start", "end"] as const;

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/** Who and when: saved with the version seen, so a partner's change in between is not lost. */
export function EditShiftForm({
  householdId,
  shift,
  options,
}: {
  householdId: string;
  shift: TEditableShift;
  options: TCaregiverOption[];
}) {
  const t = useTranslations("nights");
  const text = useText();
  const [saved, setSaved] = useState(false);
  const { state, pending, formProps } = useAction(updateShiftAction, {
    onSuccess: (_d, form) => {
      setSaved(true);
      if (form) closeDetails(form);
    },
  });
  return (
    <>
      <details
        className={`panel-details ${styles.shiftDetails}`}
        onToggle={(e) => {
          if (e.currentTarget.open) setSaved(false);
        }}
      >
        <summary className="button button-secondary">{t.rich("shift.change", { name: shift.name, sr })}</summary>
        {/* Keyed by version: after a refresh the fields show the latest shift. */}
        <form
          key={shift.version}
          {...formProps}
          className="form"
          noValidate
          aria-label={t("shift.changeLabel", { name: shift.name })}
        >
          <FormError message={formError(state, EDIT_FIELDS)} />
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="shiftId" value={shift.id} />
          <input type="hidden" name="version" value={shift.version} />
          <WhenOpened>
            <ShiftFields
              options={options}
              state={state}
              defaults={shift}
              pending={pending}
              submitLabel={t("shift.saveChanges")}
              pendingLabel={t("shift.saving")}
            />
          </WhenOpened>
        </form>
      </details>
      <p role="status" className={`small ${styles.shiftStatus}`} data-testid="shift-saved">
        {saved && state?.ok ? [t("shift.saved"), ...state.data.notes.map(text)].join(" ") : ""}
      </p>
    </>
  );
}

const SPLIT_FIELDS = ["at", "caregiverId"] as const;

/** Split a shift at a time; someone takes the second part. */
export function SplitShiftForm({
  householdId,
  shift,
  options,
}: {
  householdId: string;
  shift: TEditableShift;
  options: TCaregiverOption[];
}) {
  const t = useTranslations("nights");
  const { state, pending, formProps } = useAction(splitShiftAction, {
    onSuccess: (_d, form) => {
      if (form) closeDetails(form);
    },
  });
  return (
    <details className={`panel-details ${styles.shiftDetails}`}>
      <summary className="button button-secondary">{t.rich("shift.split", { name: shift.name, sr })}</summary>
      <form
        key={shift.version}
        {...formProps}
        className="form"
        noValidate
        aria-label={t("shift.splitLabel", { name: shift.name })}
      >
        <FormError message={formError(state, SPLIT_FIELDS)} />
        <input type="hidden" name="householdId" value={householdId} />
        <input type="hidden" name="shiftId" value={shift.id} />
        <input type="hidden" name="version" value={shift.version} />
        <WhenOpened>
          <SplitFields shift={shift} options={options} state={state} pending={pending} />
        </WhenOpened>
      </form>
    </details>
  );
}

/** Remove, behind a confirm step. */
export function RemoveShift({ householdId, shift }: { householdId: string; shift: TEditableShift }) {
  const t = useTranslations("nights");
  return (
    <ConfirmRemove
      action={deleteShiftAction}
      what={t("shift.remove.what", { name: shift.name })}
      question={t("shift.remove.question", { name: shift.name, start: shift.startText, end: shift.endText })}
      detail={t("shift.remove.detail")}
      fields={{ householdId, shiftId: shift.id, version: String(shift.version) }}
    />
  );
}

const ADD_FIELDS = ["caregiverId", "start", "end", "nightDate"] as const;

/** A new shift on this night; the times start as the first open stretch. */
export function AddShiftForm({
  householdId,
  nightDate,
  options,
  defaults,
}: {
  householdId: string;
  nightDate: string;
  options: TCaregiverOption[];
  /** Null when every hour of the night has someone. */
  defaults: { caregiverId: string; start: string; end: string } | null;
}) {
  const t = useTranslations("nights");
  const text = useText();
  const [added, setAdded] = useState(false);
  const [round, setRound] = useState(0);
  const { state, pending, formProps } = useAction(createShiftAction, {
    onSuccess: () => {
      setRound((r) => r + 1);
      setAdded(true);
    },
  });
  const status = (
    <p role="status" className="small" data-testid="shift-added">
      {added && state?.ok ? [t("shift.added"), ...state.data.notes.map(text)].join(" ") : ""}
    </p>
  );
  if (!defaults) {
    return (
      <>
        <p className="muted">{t("shift.allCovered")}</p>
        {status}
      </>
    );
  }
  return (
    <>
      {/* A new key after each success: the next open stretch becomes the default. */}
      <form
        key={`${round}-${defaults.start}-${defaults.end}`}
        {...formProps}
        className="form"
        noValidate
        aria-label={t("shift.addLabel")}
        data-testid="add-shift"
        onChange={() => setAdded(false)}
      >
        <FormError message={formError(state, ADD_FIELDS)} />
        <input type="hidden" name="householdId" value={householdId} />
        <input type="hidden" name="nightDate" value={nightDate} />
        <ShiftFields
          options={options}
          state={state}
          defaults={defaults}
          pending={pending}
          submitLabel={t("shift.add")}
          pendingLabel={t("shift.adding")}
        />
      </form>
      {status}
    </>
  );
}
