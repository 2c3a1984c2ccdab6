"use client";

import { useTranslations } from "next-intl";
import { checkOffAction, uncheckAction } from "@/lib/connect/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { markDone, markOpen, type TLivePlan } from "./queries";

// Tick off and undo, which Tonight's card shows too; skip, how it went and
// remove (Connect's day only) are in ./item-panels, so Tonight does not load them.

export type TRef = { householdId: string; planItemId: string; date: string; activityName: string };

/** What a button needs from its useAction: the form, the result, whether it is on its way. */
export type THandle = Pick<ReturnType<typeof useAction>, "state" | "pending" | "formProps">;

/** Which item and day a form is about. */
export function Hidden({ r }: { r: TRef }) {
  return (
    <>
      <input type="hidden" name="householdId" value={r.householdId} />
      <input type="hidden" name="planItemId" value={r.planItemId} />
      <input type="hidden" name="date" value={r.date} />
    </>
  );
}

/**
 * Tick off and undo for one item, held by the component that stays on screen
 * while the item changes state (so a refusal still has somewhere to show).
 * With `live` (today's plan in React Query) both show at once and are put
 * back if the server says no.
 */
export function useCheckOff(live: TLivePlan | null) {
  const done = useAction(
    checkOffAction,
    live ? { optimistic: { queryKey: live.queryKey, update: markDone(live.meId) } } : {},
  );
  const undo = useAction(uncheckAction, live ? { optimistic: { queryKey: live.queryKey, update: markOpen } } : {});
  return { done, undo };
}

/** A refusal from tick off or undo, if the last one was refused. */
export function checkOffError(...handles: THandle[]): string | undefined {
  const refused = handles.map((h) => h.state).find((s) => s && !s.ok);
  return refused && !refused.ok ? refused.message : undefined;
}

/** One tap: done. The partner's screen updates through the live channel. */
export function DoneButton({
  r,
  action,
  label,
  className = "button",
}: {
  r: TRef;
  action: THandle;
  label?: string;
  className?: string;
}) {
  const t = useTranslations("connect.actions");
  return (
    <form {...action.formProps}>
      <Hidden r={r} />
      <SubmitButton pending={action.pending} pendingLabel={t("saving")} className={className}>
        {label ?? t("done")}
        <span className="sr-only">: {r.activityName}</span>
      </SubmitButton>
    </form>
  );
}

/** Undo a mistaken check-off or skip: the day is open again. */
export function UndoButton({ r, action, label }: { r: TRef; action: THandle; label?: string }) {
  const t = useTranslations("connect.actions");
  return (
    <form {...action.formProps}>
      <Hidden r={r} />
      <SubmitButton pending={action.pending} className="button button-secondary">
        {label ?? t("undo")}
        <span className="sr-only">: {r.activityName}</span>
      </SubmitButton>
    </form>
  );
}
