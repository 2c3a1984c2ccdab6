import type { IncomingMessage, ServerResponse } from "node:http";
import http from "node:http";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { refuseOversizedAction } from "@/lib/http/action-body-limit";
import { holdPageDuringOutage } from "@/lib/http/outage";
import { passWatchingActionDecoding } from "@/lib/http/undecodable-action";

// Who is really on the other end of the socket. Next copies the socket
// address into X-Forwarded-For only when the request has none, so a client
// that sends its own X-Forwarded-For would choose the address the sign-in
// throttle counts against. Before Next sees a request, each server process
// writes the socket's address into a header of ours, overwriting anything a
// client sent under that name; lib/auth/client-address.ts decides from it.

const g = globalThis as unknown as { attunePeerStamped?: boolean };

export function stampPeer(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
}

/**
 * Once per process, from instrumentation.ts: every HTTP server stamps each
 * request, answers an oversized server action post itself
 * (lib/http/action-body-limit.ts) instead of passing it to Next, during a
 * database outage answers page loads with our own 503 (lib/http/outage.ts),
 * and answers an action post Next could not decode with 400, not Next's 500
 * (lib/http/undecodable-action.ts).
 */
export function stampPeerAddresses(): void {
  if (g.attunePeerStamped) return;
  g.attunePeerStamped = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      stampPeer(req);
      if (refuseOversizedAction(req, res)) return true;
      const pass = () =>
        passWatchingActionDecoding(req, res, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
      if (holdPageDuringOutage(req, res, pass, probeDatabase)) return true;
      return pass();
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The outage probe: one trivial statement (lib/db.ts marks the outage over when it succeeds). */
async function probeDatabase(): Promise<unknown> {
  const { db } = await import("@/lib/db");
  return db.$queryRaw`SELECT 1`;
}
