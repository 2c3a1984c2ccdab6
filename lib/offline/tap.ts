import { enqueue, type TQueuedKind } from "@/lib/offline/queue";

// What a night-log tap carries from the moment it is made (issue #9): a key
// this phone makes, so the server does it once however often it arrives, and
// the instant of the tap, which the server records.

/** Adds `clientKey` and `tappedAt` to a night-log form (useAction's `stamp`). */
export function stampTap(form: FormData): void {
  form.set("clientKey", crypto.randomUUID());
  form.set("tappedAt", new Date().toISOString());
}

/** The fields of a stamped form, for the queue (without the key, the time and the household). */
export function tapFields(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION") || ["clientKey", "tappedAt", "householdId"].includes(key)) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (values.length) out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** Puts a stamped night-log form in the phone's queue (useAction's `onNetworkError`). */
export async function queueTap(kind: TQueuedKind, form: FormData): Promise<void> {
  const key = form.get("clientKey");
  const householdId = form.get("householdId");
  const tappedAt = form.get("tappedAt");
  if (typeof key !== "string" || typeof householdId !== "string" || typeof tappedAt !== "string")
    throw new Error("queueTap: the form was not stamped");
  await enqueue({ key, householdId, kind, tappedAt, fields: tapFields(form) });
}

/**
 * useAction's options for a night-log tap: stamped when made, and queued on
 * this phone when the network fails; `then` runs once it is safely queued.
 */
export function queuedTap(kind: TQueuedKind, then?: (form: FormData) => void) {
  return {
    stamp: stampTap,
    onNetworkError: async (form: FormData) => {
      await queueTap(kind, form);
      then?.(form);
    },
  };
}
