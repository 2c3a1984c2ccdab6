"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { TResult } from "@/lib/errors";

type TAction<T> = (prev: TResult<T> | null, form: FormData) => Promise<TResult<T> | null>;

/**
 * A server action for the night screens, whose result is wanted even when
 * the form that sent it is gone: "I'm up" and "Back to sleep" replace their
 * own buttons, an accepted swap leaves the list. (useActionState reports
 * through the form's component, which may have unmounted by then.) So the
 * result goes straight to `onSuccess`, then the page refreshes. After a
 * failure the form is still there: focus goes to its first invalid field.
 */
export function useLogAction<T>(action: TAction<T>, opts: { onSuccess?: (data: T) => void } = {}) {
  const router = useRouter();
  const [state, setState] = useState<TResult<T> | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const onSuccess = useRef(opts.onSuccess);
  useEffect(() => {
    onSuccess.current = opts.onSuccess;
  });

  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function run(form: FormData) {
    startTransition(async () => {
      const result = await action(null, form);
      setState(result);
      if (!result) return;
      if (result.ok) onSuccess.current?.(result.data);
      // Changed or removed meanwhile by the partner: show the latest.
      if (result.ok || result.code === "conflict" || result.code === "not_found") router.refresh();
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    run(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter));
  }

  return { state, pending, run, formProps: { ref: formRef, onSubmit } };
}
