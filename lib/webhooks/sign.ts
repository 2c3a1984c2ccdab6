import { createHmac, timingSafeEqual } from "node:crypto";

// The signature on every delivery (docs/webhooks.md), as Stripe does it:
//   Attune-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
// The time is inside what is signed, so a receiver that refuses old times
// refuses a recorded delivery played again later.

export const SIGNATURE_HEADER = "Attune-Signature";

const hmac = (secret: string, t: number, body: string) =>
  createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");

export function signatureHeader(secret: string, body: string, t: number): string {
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/**
 * A receiver's check (our tests use it, and docs/webhooks.md shows the same
 * steps): the header's time within `toleranceS` of now, and one of its v1
 * signatures equal to ours, compared in constant time.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  opts: { now?: Date; toleranceS?: number } = {},
): boolean {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(t)) return false;
  const nowS = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowS - t) > (opts.toleranceS ?? 300)) return false;
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  return parts.some(([k, v]) => {
    if (k !== "v1" || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, "hex"), expected);
  });
}
