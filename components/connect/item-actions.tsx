"use client";

import { useOptimistic } from "react";
import { useTranslations } from "next-intl";
import { checkOffAction, uncheckAction } from "@/lib/connect/actions";
import type { TPlanItemView } from "@/lib/connect/today";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

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

/** A tick-off or undo shown before the server answers: which item on which day, and what it becomes. */
type TTick = { planItemId: string; date: string; to: Partial<TPlanItemView> };

/** Shows a tick-off or undo at once (the setter of usePlanItems). */
export type TShowTick = (tick: TTick) => void;

function applyTick(items: TPlanItemView[], tick: TTick): TPlanItemView[] {
  return items.map((i) => (i.id === tick.planItemId && i.date === tick.date ? { ...i, ...tick.to } : i));
}

/**
 * A day's items as the page served them, with the tick-offs and undos on
 * their way to the server shown already (React's useOptimistic). The page's
 * props are the truth: the action revalidates the page, a partner's change
 * refreshes it (LiveUpdates), and a refused or lost tap goes back by itself.
 */
export function usePlanItems(served: TPlanItemView[]): [TPlanItemView[], TShowTick] {
  return useOptimistic(served, applyTick);
}

function tickOf(form: FormData, to: Partial<TPlanItemView>): TTick {
  return { planItemId: String(form.get("planItemId")), date: String(form.get("date")), to };
}

/**
 * Tick off and undo for one item, held by the component that stays on screen
 * while the item changes state (so a refusal still has somewhere to show).
 * Both show at once through `show` (from usePlanItems): "Done" by me, its time
 * following from the server (its clock, not the browser's); "Undo", open again.
 */
export function useCheckOff(show: TShowTick, meId: string) {
  const done = useAction(checkOffAction, {
    show: (form) => show(tickOf(form, { status: "done", byId: meId, byName: null, at: null, note: null })),
  });
  const undo = useAction(uncheckAction, {
    show: (form) => show(tickOf(form, { status: "open", byId: null, byName: null, at: null, note: null })),
  });
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
