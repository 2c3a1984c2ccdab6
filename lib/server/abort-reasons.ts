// Works around a retention in React's server renderer (Next 16.4): when a
// render completes, React aborts its `cacheController` with a fresh Error.
// V8 keeps an unformatted Error's stack as call-site objects that hold every
// frame's receiver; one of them is the Immediate the render finished in,
// whose async-context store is an earlier request, whose own finished render
// holds another Error, and so on. Measured: ~1,300 of 3,400 requests (their
// responses, stores and RSC payloads) still alive after the load stopped, a
// live heap of 211 MB and an RSS above the 500 MB budget (#11, decision 0033).
// Reading `.stack` once formats it into a string and lets V8 drop the frames.
// Upstream: vercel/next.js#97351 (open) and #84648.

let installed = false;

export function formatAbortReasonsEagerly(): void {
  if (installed) return;
  installed = true;
  const abort = AbortController.prototype.abort;
  AbortController.prototype.abort = function (this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
}
