import { hashSecretToken, newSecretToken } from "@/lib/tokens";

export const INVITE_TTL_DAYS = 7;

/** 32 random bytes, URL-safe: the secret part of an invite link. */
export function newInviteToken(): string {
  return newSecretToken();
}

/** Only this hash is stored, so a database leak yields no usable links. */
export function hashInviteToken(token: string): string {
  return hashSecretToken(token);
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}
