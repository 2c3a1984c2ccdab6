"use client";

import { useEffect, useId, useRef, useState } from "react";
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
      <p>
        Add your nights to the calendar on your phone, so you can see at a glance when you&apos;re on and when you can
        rest, kept up to date as plans change.
      </p>

      {!exists ? (
        <form {...create.formProps} className="form" aria-label="Create my calendar link">
          <FormError message={formError(create.state, [])} />
          <input type="hidden" name="householdId" value={householdId} />
          <SubmitButton pending={create.pending} pendingLabel="Creating link…">
            Create my calendar link
          </SubmitButton>
        </form>
      ) : null}

      {link ? (
        <div ref={createdRef} tabIndex={-1} className="card card-accent stack" data-testid="calendar-feed-created">
          <CopyField
            key={link}
            label="Your private calendar link"
            value={link}
            hint="Anyone with this link can see these nights, so keep it between you and your calendar. We only show it now."
          />
          <div className="small stack">
            <p>
              <a href={link.replace(/^https?:/, "webcal:")}>Open in my calendar app</a> (Apple Calendar, or Outlook on a
              computer). The same link as <code>webcal://</code> works wherever a calendar asks for one.
            </p>
            <p>
              Google Calendar: on a computer, choose <em>Other calendars → From URL</em> and paste the link. Outlook on
              the web: <em>Add calendar → Subscribe from web</em>.
            </p>
          </div>
        </div>
      ) : null}

      {exists ? (
        <>
          {!link && status.exists ? (
            <p className="muted" data-testid="calendar-feed-status">
              Your calendar link is on (made {status.createdLabel}). We only show a link once: if you no longer have it,
              make a new one.
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
                  <strong>Include my partner&apos;s nights</strong>
                </label>
                <span className="muted" id={`${id}-partner-hint`}>
                  Their nights show as free time in your calendar, so you can see who has the baby.
                </span>
              </span>
            </div>
            <p role="status" className="small muted" data-testid="calendar-feed-partner-status">
              {partner.pending
                ? "Saving…"
                : partnerState?.ok
                  ? "Saved. Your calendar picks this up next time it checks."
                  : ""}
            </p>
            {partnerState && !partnerState.ok ? (
              <p className="field-error" role="alert">
                {partnerState.message}
              </p>
            ) : null}
          </form>

          <div className="cluster">
            <ConfirmAction
              trigger="Make a new link"
              question="Make a new link?"
              detail="Your current link stops working straight away. Any calendar subscribed to it stops updating until you add the new one."
              open={regenerateOpen}
              onOpenChange={setRegenerateOpen}
              confirm={
                <form {...create.formProps}>
                  <input type="hidden" name="householdId" value={householdId} />
                  <input type="hidden" name="includePartner" value={String(includePartner)} />
                  <SubmitButton pending={create.pending} pendingLabel="Making a new link…">
                    Yes, make a new link
                  </SubmitButton>
                </form>
              }
            />
            <ConfirmAction
              trigger="Turn off the feed"
              question="Turn off your calendar feed?"
              detail="The link stops working straight away, and calendars subscribed to it stop updating. You can make a new link any time."
              open={turnOffOpen}
              onOpenChange={setTurnOffOpen}
              confirm={
                <form {...turnOff.formProps}>
                  <input type="hidden" name="householdId" value={householdId} />
                  <SubmitButton pending={turnOff.pending} pendingLabel="Turning off…" className="button button-danger">
                    Yes, turn it off
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
