import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import { dumpTables, signInAs, type TTestUser } from "./factories";

/** Runs `fn`, expects a typed refusal with `code` (and `message`), and that no table changed. */
export async function expectRefusedUnchanged(fn: () => Promise<unknown>, code: string, message?: RegExp): Promise<AppError> {
  const before = await dumpTables();
  const err = await fn().then(() => null, (e: unknown) => e);
  expect(err, "expected a refusal").toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (message) expect((err as AppError).message).toMatch(message);
  expect(await dumpTables()).toEqual(before);
  return err as AppError;
}

/**
 * An endpoint's refusal as the caller sees it: signs in as `who` (null = signed
 * out), runs `call`, expects `{ ok: false }` with one of `codes`, and that no
 * table changed.
 */
export async function expectEndpointRefused(who: TTestUser | null, call: () => Promise<unknown>, codes: string | string[]): Promise<void> {
  await signInAs(who);
  const before = await dumpTables();
  const result = await call();
  expect(result).toMatchObject({ ok: false });
  expect([codes].flat()).toContain((result as { code?: string }).code);
  expect(await dumpTables()).toEqual(before);
}
