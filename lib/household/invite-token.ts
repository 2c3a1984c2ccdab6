import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_DAYS = 7;

/** 32 random bytes, URL-safe: the secret part of an invite link. */
export function newInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a database leak yields no usable links. */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}
