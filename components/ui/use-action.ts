"use client";

import { useActionState, useContext, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { QueryClientContext, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { TResult } from "@/lib/errors";

/** A server action as forms call it (see serverAction in lib/action.ts). */
export type TFormAction<T> = (prev: TResult<T> | null, form: FormData) => Promise<TResult<T> | null>;

/**
 * Show the outcome before the server answers: `update` rewrites the cached
 * query at once; a refusal or a network failure puts the snapshot back, and
 * either way the query is read again afterwards.
 */
export type TOptimistic<Q> = {
  queryKey: QueryKey;
  update: (current: Q | undefined, data: FormData) => Q | undefined;
};

type TOptions<T, Q> = {
  /** Runs once the server said yes, even if the form that sent it has gone (I'm up replaces its own button). */
  onSuccess?: (data: T, form: HTMLFormElement | null) => void;
  /** For data held in React Query (the night log): the optimistic change. */
  optimistic?: TOptimistic<Q>;
  /**
   * For data the page's server props hold (Connect's check-offs): a
   * `useOptimistic` setter's call, made inside this action's transition. What
   * it shows lasts until the action and the page it revalidates are in; on a
   * refusal or a network failure the props are unchanged, so React puts it back.
   */
  show?: (data: FormData) => void;
  /**
   * Adds what the tap itself knows to the form before anything else happens
   * (the night log: a key made on this phone and the instant of the tap,
   * lib/offline/tap.ts), so a retry or a queued replay is the same tap.
   */
  stamp?: (data: FormData) => void;
  /**
   * The request never reached Attune (offline, a dropped connection), or Attune
   * could not reach its database ("unavailable"): instead of that result, hand
   * the form to this (the night log queues it, lib/offline/queue.ts). The
   * optimistic change stays on screen.
   */
  onNetworkError?: (data: FormData) => void | Promise<void>;
};

/**
 * The one way a client component calls a server action. It gives:
 *  - `formProps` for a <form>: `action` keeps the form working before
 *    JavaScript loads (React posts it and shows the result); once hydrated,
 *    `onSubmit` sends it in a transition and keeps what was typed when the
 *    server says no;
 *  - `run(formData)` for a button or an effect that is not a form submit;
 *  - `state` (the last result: field errors, message) and `pending`;
 *  - focus on the first invalid field after a refusal;
 *  - a refresh when the partner changed or removed the thing meanwhile
 *    (`conflict`, `not_found`), so the latest is on screen beside the message;
 *  - optionally, an optimistic change (`show`, a useOptimistic setter; or
 *    `optimistic`, a React Query cache), rolled back on failure;
 *  - a network failure as a typed result ("network"), never a throw to the
 *    error boundary; or, with `onNetworkError`, handed over to be queued.
 * A success needs no refresh here: the action revalidates its pages, and the
 * live channel refreshes the partner's.
 */
export function useAction<T, Q = unknown>(action: TFormAction<T>, opts: TOptions<T, Q> = {}) {
  const router = useRouter();
  const t = useTranslations("ui");
  // Optional: public pages (sign-in) have no QueryClientProvider and no optimistic data.
  const queryClient = useContext(QueryClientContext);
  // Only for a post made before hydration; afterwards results arrive through `run`.
  const [postedState, formAction] = useActionState(action, null);
  const [state, setState] = useState<TResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const lastData = useRef<FormData | null>(null);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  const shown = state ?? postedState;
  useEffect(() => {
    if (shown && !shown.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shown]);

  function run(data: FormData) {
    const optimistic = queryClient ? latest.current.optimistic : undefined;
    if (!data.has("clientKey")) latest.current.stamp?.(data);
    lastData.current = data;
    startTransition(async () => {
      latest.current.show?.(data);
      let snapshot: Q | undefined;
      if (optimistic && queryClient) {
        await queryClient.cancelQueries({ queryKey: optimistic.queryKey });
        snapshot = queryClient.getQueryData<Q>(optimistic.queryKey);
        queryClient.setQueryData<Q>(optimistic.queryKey, optimistic.update(snapshot, data));
      }
      let result: TResult<T> | null;
      let queued = false;
      try {
        result = await action(null, data);
      } catch {
        // A thrown call never reached an answer (offline, a dropped connection, a
        // server that fell over): a typed result the card can show, never the error boundary.
        result = { ok: false, code: "network", message: t("network") };
      }
      // Not the phone's fault either way: no answer, or Attune could not reach its
      // database (mid-action, after the session was read). A tap that can be
      // queued waits on the phone and goes again, as the same tap (its key).
      const onNetworkError = latest.current.onNetworkError;
      if (onNetworkError && result && !result.ok && (result.code === "network" || result.code === "unavailable")) {
        try {
          await onNetworkError(data);
          queued = true;
        } catch {
          // Could not keep it on the phone either: say so, below.
        }
      }
      if (queued) {
        // Kept on this phone: the optimistic change stays until the queue is sent.
        setState(null);
        return;
      }
      if (optimistic && queryClient) {
        if (!result?.ok) queryClient.setQueryData<Q>(optimistic.queryKey, snapshot);
        void queryClient.invalidateQueries({ queryKey: optimistic.queryKey });
      }
      setState(result);
      if (!result) return;
      if (result.ok) latest.current.onSuccess?.(result.data, formRef.current);
      else if (result.code === "conflict" || result.code === "not_found") router.refresh();
    });
  }

  /** Sends the last form again, as the same tap (same key): "Try again" after a network failure. */
  function retry() {
    if (lastData.current && !pending) run(lastData.current);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    run(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter));
  }

  return {
    state: shown,
    pending,
    run,
    retry,
    /** Forget the last result (e.g. when a panel closes). */
    reset: () => setState(null),
    formProps: { ref: formRef, action: formAction, onSubmit },
  };
}

/** The messages for one field, if the last result carried any. */
export function fieldErrors(state: TResult<unknown> | null, name: string): string[] | undefined {
  if (!state || state.ok) return undefined;
  return state.fieldErrors?.[name];
}

/**
 * The message to show above the form: when the failure isn't about one of the
 * fields the form shows (those carry their own message beside the field).
 */
export function formError(state: TResult<unknown> | null, shownFields: readonly string[]): string | undefined {
  if (!state || state.ok) return undefined;
  const keys = Object.keys(state.fieldErrors ?? {});
  if (keys.some((k) => shownFields.includes(k))) return undefined;
  return state.message;
}
