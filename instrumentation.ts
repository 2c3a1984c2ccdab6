// Runs once when a Next.js server starts: a misconfigured instance stops at
// once with a message naming what is missing, not on its first request.
// Each HTTP request gets its socket's address stamped before Next sees it.
// Then this process's outbox workers start (lib/push/worker.ts,
// lib/webhooks/worker.ts): every instance runs one of each, and the outboxes'
// row locks share the work between them. So does the household deletion job.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { env } = await import("./lib/env");
    env();
    // React's finished renders must not keep earlier requests alive (lib/server/abort-reasons.ts).
    const { formatAbortReasonsEagerly } = await import("./lib/server/abort-reasons");
    formatAbortReasonsEagerly();
    // The sign-in throttle's client address is the socket's peer (lib/auth/client-address.ts).
    const { stampPeerAddresses } = await import("./lib/auth/peer-address");
    stampPeerAddresses();
    if (process.env.ATTUNE_PUSH_WORKER !== "0") {
      const { startPushWorker } = await import("./lib/push/worker");
      startPushWorker();
    }
    // Deletes households whose grace period is over (lib/household/deletion-job.ts); row locks share it too.
    if (process.env.ATTUNE_DELETION_JOB !== "0") {
      const { startDeletionWorker } = await import("./lib/household/deletion-job");
      startDeletionWorker();
    }
    if (process.env.ATTUNE_WEBHOOK_WORKER !== "0") {
      const { startWebhookWorker } = await import("./lib/webhooks/worker");
      startWebhookWorker();
    }
  }
}
