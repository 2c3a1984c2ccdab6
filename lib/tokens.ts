import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The secrets in Attune's links (invites, calendar feeds). Only their SHA-256
// is stored, so a database leak yields no usable link.

/** 32 random bytes (256 bits), URL-safe base64: 43 characters. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The only form of a token that is ever stored or looked up: hex SHA-256. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True for the shape `newSecretToken` makes; anything else can't be one of ours. */
export function isWellFormedSecretToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Compares two hex hashes in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}
