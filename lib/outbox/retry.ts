// The retry policy of Attune's outboxes (push_outbox, webhook_deliveries):
// one place that says when a failed send is tried again and when it stops.

/** The waits after the 1st, 2nd, … failed attempt; after the last one, the row has failed for good. */
export type TRetryPolicy = readonly number[];

/** Attempts a row gets under `policy`: the first, and one per wait. */
export const maxAttempts = (policy: TRetryPolicy) => policy.length + 1;

/** When to try again after `failures` failed attempts (this one included), or null when they are used up. */
export function retryAt(policy: TRetryPolicy, failures: number, now: Date): Date | null {
  const wait = policy[failures - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

/** `first`, doubling each time up to `cap`, `retries` times. */
export const doubling = (first: number, cap: number, retries: number): TRetryPolicy =>
  Array.from({ length: retries }, (_, i) => Math.min(first * 2 ** i, cap));
