import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { serverSecret } from "@/lib/env";

// A webhook's signing secret. Unlike a token we only check (lib/tokens.ts),
// we must sign with it, so a hash won't do: it is stored sealed, AES-256-GCM
// under a key derived from AUTH_SECRET. A database dump or a backup alone
// can't forge deliveries; an instance (which has AUTH_SECRET) can.
// Changing AUTH_SECRET makes the sealed secrets unreadable: their deliveries
// fail with a message saying to add the webhook again (docs/decisions/0032).

const PREFIX = "whsec_";

/** 256 random bits, shown once to the parent who adds the webhook. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

const key = () => createHash("sha256").update(`attune webhook secret\0${serverSecret()}`).digest();

/** "v1." + base64url(iv ‖ tag ‖ ciphertext). */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** The secret, or null if it was sealed under another AUTH_SECRET (or is not ours). */
export function unsealSecret(sealed: string): string | null {
  if (!sealed.startsWith("v1.")) return null;
  const raw = Buffer.from(sealed.slice(3), "base64url");
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
