"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useActionForm, type TFormAction } from "@/components/ui/use-action-form";

/**
 * useActionForm for the night screens. When the partner changed or removed
 * the thing meanwhile ("conflict", "not_found"), the message stays beside the
 * form and the page is refreshed, so the latest version is on screen.
 */
export function useNightForm<T>(
  action: TFormAction<T>,
  opts: { onSuccess?: (data: T, form: HTMLFormElement) => void } = {},
) {
  const router = useRouter();
  const form = useActionForm(action, opts);
  const { state } = form;
  useEffect(() => {
    if (state && !state.ok && (state.code === "conflict" || state.code === "not_found")) router.refresh();
  }, [state, router]);
  return form;
}
