"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createCalendarFeedAction, deleteCalendarFeedAction, setFeedIncludesPartnerAction } from "@/lib/nights/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { CopyField } from "@/components/ui/copy-field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

export type TCalendarFeedCardStatus =
  { exists: false } | { exists: true; includePartner: boolean; createdLabel: string };

/**
 * The caregiver's private calendar link. The server keeps only a hash, so the
 * link is shown once, right after it is made; later visits can change what it
 * carries, replace it or turn it off.
 */
export function CalendarFeedCard({ householdId, status }: { householdId: string; status: TCalendarFeedCardStatus }) {
  const t = useTranslations("nights");
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const [turnOffOpen, setTurnOffOpen] = useState(false);
  const [includePartner, setIncludePartner] = useState(status.exists ? status.includePartner : false);

  const create = useAction(createCalendarFeedAction);
  const turnOff = useAction(deleteCalendarFeedAction);
  const partner = useAction(setFeedIncludesPartnerAction);
  // Not onSuccess: a form posted before JavaScript loaded comes back as the
  // result alone, and the new link must still be shown (it is shown only once).
  useEffect(() => {
    if (!create.state?.ok) return;
    setLink(`${window.location.origin}${create.state.data.path}`);
    setIncludePartner(create.state.data.includePartner);
    setRegenerateOpen(false);
  }, [create.state]);
  useEffect(() => {
    if (!turnOff.state?.ok) return;
    setLink(null);
    setIncludePartner(false);
    setTurnOffOpen(false);
  }, [turnOff.state]);
  // The button that made the link is gone: move focus to the link, so it is read out.
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (link) createdRef.current?.focus();
  }, [link]);
  const partnerState = partner.state;
  const savedIncludePartner = status.exists ? status.includePartner : false;
  useEffect(() => {
    // Refused (e.g. the link was turned off in another tab): show what is really saved.
    if (partnerState && !partnerState.ok) setIncludePartner(savedIncludePartner);
  }, [partnerState, savedIncludePartner]);

  function togglePartner(next: boolean) {
    setIncludePartner(next);
    const data = new FormData();
    data.set("householdId", householdId);
    data.set("includePartner", String(next));
    partner.run(data);
  }

  const exists = status.exists || link !== null;

  return (
    <div className="stack" data-testid="calendar-feed">
      <p>{t("feed.intro")}</p>

      {!exists ? (
        <form {...create.formProps} className="form" aria-label={t("feed.create")}>
          <FormError message={formError(create.state, [])} />
          <input type="hidden" name="householdId" value={householdId} />
          <SubmitButton pending={create.pending} pendingLabel={t("feed.creating")}>
            {t("feed.create")}
          </SubmitButton>
        </form>
      ) : null}

      {link ? (
        <div ref={createdRef} tabIndex={-1} className="card card-accent stack" data-testid="calendar-feed-created">
          <CopyField key={link} label={t("feed.linkLabel")} value={link} hint={t("feed.linkHint")} />
          <div className="small stack">
            <p>
              {t.rich("feed.openApp", {
                link: (chunks) => <a href={link.replace(/^https?:/, "webcal:")}>{chunks}</a>,
                code: (chunks) => <code>{chunks}</code>,
              })}
            </p>
            <p>{t.rich("feed.otherApps", { em: (chunks) => <em>{chunks}</em> })}</p>
          </div>
        </div>
      ) : null}

      {exists ? (
        <>
          {!link && status.exists ? (
            <p className="muted" data-testid="calendar-feed-status">
              {t("feed.status", { created: status.createdLabel })}
            </p>
          ) : null}

          <form onSubmit={(e) => e.preventDefault()}>
            <div className="choice">
              <input
                type="checkbox"
                id={`${id}-partner`}
                name="includePartner"
                checked={includePartner}
                aria-describedby={`${id}-partner-hint`}
                onChange={(e) => togglePartner(e.currentTarget.checked)}
              />
              <span>
                <label htmlFor={`${id}-partner`} className="choice-label">
                  <strong>{t("feed.partner")}</strong>
                </label>
                <span className="muted" id={`${id}-partner-hint`}>
                  {t("feed.partnerHint")}
                </span>
              </span>
            </div>
            <p role="status" className="small muted" data-testid="calendar-feed-partner-status">
              {partner.pending ? t("feed.saving") : partnerState?.ok ? t("feed.saved") : ""}
            </p>
            {partnerState && !partnerState.ok ? (
              <p className="field-error" role="alert">
                {partnerState.message}
              </p>
            ) : null}
          </form>

          <div className="cluster">
            <ConfirmAction
              trigger={t("feed.regenerate.trigger")}
              question={t("feed.regenerate.question")}
              detail={t("feed.regenerate.detail")}
              open={regenerateOpen}
              onOpenChange={setRegenerateOpen}
              confirm={
                <form {...create.formProps}>
                  <input type="hidden" name="householdId" value={householdId} />
                  <input type="hidden" name="includePartner" value={String(includePartner)} />
                  <SubmitButton pending={create.pending} pendingLabel={t("feed.regenerate.pending")}>
                    {t("feed.regenerate.confirm")}
                  </SubmitButton>
                </form>
              }
            />
            <ConfirmAction
              trigger={t("feed.turnOff.trigger")}
              question={t("feed.turnOff.question")}
              detail={t("feed.turnOff.detail")}
              open={turnOffOpen}
              onOpenChange={setTurnOffOpen}
              confirm={
                <form {...turnOff.formProps}>
                  <input type="hidden" name="householdId" value={householdId} />
                  <SubmitButton
                    pending={turnOff.pending}
                    pendingLabel={t("feed.turnOff.pending")}
                    className="button button-danger"
                  >
                    {t("feed.turnOff.confirm")}
                  </SubmitButton>
                </form>
              }
            />
          </div>
          <FormError
            message={formError(create.state, []) ?? formError(turnOff.state, [])}
            testId="calendar-feed-error"
          />
        </>
      ) : null}
    </div>
  );
}
