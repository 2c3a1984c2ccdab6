/** The socket's address, written by each server process before Next sees the request (lib/auth/peer-address.ts). */
export const PEER_HEADER = "x-attune-peer";

/** The proxies whose X-Forwarded-For we believe: `ATTUNE_TRUSTED_PROXIES`, addresses separated by commas. */
export function trustedProxies(value = process.env.ATTUNE_TRUSTED_PROXIES): Set<string> {
  return new Set(
    (value ?? "")
      .split(",")
      .map((s) => normalise(s.trim()))
      .filter(Boolean),
  );
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1". */
function normalise(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * The client's address, for the sign-in throttle (OWASP ASVS 5.0): the socket's
 * peer, unless that peer is a proxy named in ATTUNE_TRUSTED_PROXIES, in which
 * case the nearest address in X-Forwarded-For that is not itself a trusted
 * proxy. A client's own X-Forwarded-For is ignored. Without the stamp (a test
 * harness, or a server that didn't run instrumentation.ts) the forwarded
 * header is all there is.
 */
export function clientAddress(headers: Headers, trusted = trustedProxies()): string {
  const peer = headers.get(PEER_HEADER);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => normalise(s.trim()))
    .filter(Boolean);
  if (peer === null) return forwarded[0] || headers.get("x-real-ip")?.trim() || "unknown";
  let address = normalise(peer) || "unknown";
  // Walk back through the proxies we trust, right to left: each vouches for the hop before it.
  for (let i = forwarded.length - 1; trusted.has(address) && i >= 0; i--) address = forwarded[i]!;
  return address;
}
