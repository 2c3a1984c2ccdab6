// What a push carries to the service worker (lib/push/sw-push.ts reads it).
// Shared by server and worker code: no imports.

export type TPushPayload = {
  kind: "tapout" | "tapout-answer" | "swap" | "shift-soon" | "handoff";
  title: string;
  body: string;
  /** Same tag replaces the earlier notification instead of stacking. */
  tag: string;
  /** The screen a tap opens, e.g. "/tonight?tapout=<id>". */
  url: string;
  /** Stays on screen until answered (tap-outs). */
  requireInteraction?: boolean;
  /** Buzz again even when a notification with this tag is showing. */
  renotify?: boolean;
  /** For a tap-out: its id, so the answer buttons can answer it. */
  tapOutId?: string;
  /** A tap-out's answer buttons, in the recipient's language (the service worker can't translate). */
  actions?: { action: "coming" | "cant"; title: string }[];
};
