import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import { dumpTables } from "./factories";

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
