import { expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { dumpTables, signInAs, toForm, type TTestUser } from "./factories";
import { describeAction } from "./describe-endpoint";

/** Runs `fn`, expects a typed refusal with `code` (and `message`), and that no table changed. */
export async function expectRefusedUnchanged(
  fn: () => Promise<unknown>,
  code: string,
  message?: RegExp,
): Promise<AppError> {
  const before = await dumpTables();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
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
export async function expectEndpointRefused(
  who: TTestUser | null,
  call: () => Promise<unknown>,
  codes: string | string[],
): Promise<void> {
  await signInAs(who);
  const before = await dumpTables();
  const result = await call();
  expect(result).toMatchObject({ ok: false });
  expect([codes].flat()).toContain((result as { code?: string }).code);
  expect(await dumpTables()).toEqual(before);
}

type TMemberSet = { householdId: string; parent: TTestUser; partner: TTestUser; helper: TTestUser };

/** One row of an endpoint table: the action and the form values that are right for household A. */
export type TActionCase<C> = {
  name: string;
  action: (values: Record<string, string>) => Promise<unknown>;
  /** The member of household A for whom it is allowed. */
  who: "parent" | "partner" | "helper";
  /** A helper of household A is refused. */
  helperRefused: boolean;
  /** No row ids in the form: nothing to try with another household's id. */
  noRowIds?: boolean;
  /** With their own household id and our row ids the call may answer ok, but must change nothing. */
  ownIdsWriteNothing?: boolean;
  form: (c: C) => Record<string, string>;
};

/** A `(prev, FormData)` server action called with plain values, as a form would. */
export const viaForm =
  (action: (prev: null, form: FormData) => Promise<unknown>) =>
  (values: Record<string, string>): Promise<unknown> =>
    action(null, toForm(values));

/**
 * The refusals every action must show, for a table of actions: signed out,
 * a member of another household (with our household id, and with theirs and
 * our row ids), a helper where only parents may; and that the right member
 * of household A may. test/authz/coverage.test.ts reads the names.
 */
export function describeActionCases<C extends { a: TMemberSet; b: TMemberSet }>(
  cases: TActionCase<C>[],
  ctx: () => C,
  helperReason: string,
): void {
  for (const tc of cases) {
    describeAction(tc.name, () => {
      it("refuses a signed-out visitor and writes nothing", async () => {
        await expectEndpointRefused(null, () => tc.action(tc.form(ctx())), "unauthenticated");
      });
      it("refuses a member of another household and writes nothing", async () => {
        const c = ctx();
        await expectEndpointRefused(c.b.parent, () => tc.action(tc.form(c)), "forbidden");
      });
      if (!tc.noRowIds) {
        it("another household's member, with their own household id and our row ids, changes nothing of ours", async () => {
          const c = ctx();
          const values = { ...tc.form(c), householdId: c.b.householdId };
          if (tc.ownIdsWriteNothing) {
            await signInAs(c.b.parent);
            const before = await dumpTables();
            await tc.action(values);
            expect(await dumpTables()).toEqual(before);
          } else {
            await expectEndpointRefused(c.b.parent, () => tc.action(values), ["invalid", "not_found", "forbidden"]);
          }
        });
      }
      if (tc.helperRefused) {
        it(`refuses a helper (${helperReason}) and writes nothing`, async () => {
          const c = ctx();
          await expectEndpointRefused(c.a.helper, () => tc.action(tc.form(c)), "forbidden");
        });
      }
      it("lets the right member of the household do it", async () => {
        const c = ctx();
        await signInAs(c.a[tc.who]);
        expect(await tc.action(tc.form(c))).toMatchObject({ ok: true });
      });
    });
  }
}
