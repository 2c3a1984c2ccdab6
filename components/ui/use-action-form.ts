"use client";

import { startTransition, useActionState, useEffect, useEffectEvent, useRef, type FormEvent } from "react";
import type { TResult } from "@/lib/errors";

export type TFormAction<T> = (prev: TResult<T> | null, form: FormData) => Promise<TResult<T> | null>;

/**
 * useActionState, plus what every Attune form wants:
 *  - submitting through onSubmit keeps what was typed when the server says no
 *    (a plain `<form action>` resets the fields after every submission);
 *    `action` stays on the form so it still works before JavaScript loads;
 *  - after a failure, focus moves to the first field marked invalid.
 */
export function useActionForm<T>(
  action: TFormAction<T>,
  opts: { onSuccess?: (data: T, form: HTMLFormElement) => void } = {},
) {
  const [state, formAction, isPending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const onSuccess = useEffectEvent((data: T, form: HTMLFormElement) => opts.onSuccess?.(data, form));

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (state.ok) {
      onSuccess(state.data, form);
      return;
    }
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const nativeEvent = event.nativeEvent as SubmitEvent;
    const data = new FormData(event.currentTarget, nativeEvent.submitter);
    startTransition(() => formAction(data));
  }

  return { state, isPending, formProps: { ref: formRef, action: formAction, onSubmit } };
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
