"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { afterWakingAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { inListOrder } from "@/lib/log/helped";
import { FormError } from "@/components/ui/form-error";
import { formError, useAction } from "@/components/ui/use-action";
import { HelpedTags } from "@/components/log/helped-tags";
import styles from "@/components/log/log.module.css";

/**
 * After "Back to sleep" (already saved): what helped and a note, both
 * optional. Each tag is saved as it is tapped; the note when "Save note" is
 * tapped. Nothing here has to be touched: the waking is logged either way.
 */
export function AfterWaking({
  householdId,
  wakingId,
  babyName,
  onDone,
}: {
  householdId: string;
  wakingId: string;
  babyName: string;
  onDone: () => void;
}) {
  const t = useTranslations("log.after");
  const queryClient = useQueryClient();
  const [helped, setHelped] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { state, pending, run } = useAction(afterWakingAction, {
    onSuccess: (_d, form) => {
      setSaved(form?.get("note") ? t("savedWithNote") : t("saved"));
      void queryClient.invalidateQueries({ queryKey: logKeys.all });
    },
  });
  const send = (nextHelped: string[], nextNote: string) => {
    const form = new FormData();
    form.set("householdId", householdId);
    form.set("wakingId", wakingId);
    for (const h of inListOrder(nextHelped)) form.append("helped", h);
    form.set("note", nextNote);
    run(form);
  };
  return (
    <section className={styles.after} aria-label={t("label", { baby: babyName })} data-testid="after-waking">
      <FormError message={formError(state, [])} />
      <HelpedTags
        value={helped}
        onChange={(next) => {
          setHelped(next);
          send(next, note);
        }}
      />
      <label className={styles.groupLabel} htmlFor={`after-note-${wakingId}`}>
        {t.rich("note", { muted: (chunks) => <span className="muted">{chunks}</span> })}
      </label>
      <textarea
        id={`after-note-${wakingId}`}
        rows={2}
        maxLength={280}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        className={styles.textarea}
      />
      <div className={styles.afterButtons}>
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={pending || undefined}
          onClick={() => !pending && send(helped, note)}
        >
          {t("saveNote")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone} data-testid="after-done">
          {t("done")}
        </button>
      </div>
      <p role="status" className="small muted" data-testid="after-saved">
        {saved ?? ""}
      </p>
    </section>
  );
}
