// Runs once when a Next.js server starts: a misconfigured instance stops at
// once with a message naming what is missing, not on its first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { env } = await import("./lib/env");
    env();
  }
}
