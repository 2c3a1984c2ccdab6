import "server-only";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";
import { msg } from "@/lib/i18n/text";

// OWASP's argon2id baseline: m=19 MiB, t=2, p=1.
export const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm, // Algorithm.Argon2id: a const enum, unreadable under isolatedModules (and {} at runtime)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// ~49k passwords seen most often in breaches (zxcvbn-ts's list), lower-cased.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** NIST 800-63B style: length only, no composition rules, common ones refused. */
export const ZNewPassword = z
  .string({ error: msg("auth.password.enter") })
  // abort: a short password gets this one message, not also "that's a common one".
  .min(PASSWORD_MIN, { message: msg("auth.password.tooShort", { min: PASSWORD_MIN }), abort: true })
  .max(PASSWORD_MAX, { message: msg("auth.password.tooLong", { max: PASSWORD_MAX }), abort: true })
  .refine((p) => !isCommonPassword(p), msg("auth.password.common"));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Compared against when the email is unknown, so both failures cost one
// argon2 verification and take about the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("attune-timing-equaliser-not-a-password");
  return dummyHash;
}
