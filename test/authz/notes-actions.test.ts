// Notes, handoff notes, thank-yous and the morning summary: every action is
// refused to signed-out visitors and to members of other households (even with
// their own household id and our row ids), and to helpers where the rule says
// so (docs/decisions/0012-notes.md); nothing is written.
import { beforeEach, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import {
  createNoteAction, deleteNoteAction, dismissSummaryAction, markNotesReadAction, markThanksSeenAction, pinNoteAction, sendThanksAction, updateNoteAction,
} from "@/app/(app)/notes/actions";
import { caregiverIdOf, dumpTables, makeFamily, signInAs, toForm, type TTestUser } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { describeAction } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; noteId: string; partnerCg: string; parentCg: string };
type TAction = (form: Record<string, string>) => Promise<TResult<unknown> | null>;

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const [parentCg, partnerCg] = [await caregiverIdOf(a.parent), await caregiverIdOf(a.partner)];
  const note = await getDb().note.create({ data: { householdId: a.householdId, authorId: parentCg, body: "Gel at 4" } });
  await getDb().appreciation.create({ data: { householdId: a.householdId, fromId: partnerCg, toId: parentCg, nightDate: new Date("2026-11-20T00:00:00Z") } });
  ctx = { a, b, noteId: note.id, parentCg, partnerCg };
});

const form = (action: (prev: null, f: FormData) => Promise<TResult<unknown> | null>): TAction => (values) => action(null, toForm(values));

// who: the member of household A for whom it is allowed. helperRefused: a helper is refused.
// ownIdsWriteNothing: with their own household id and our ids the call may succeed, but must change nothing.
const cases: { name: string; action: TAction; who: "parent" | "partner"; helperRefused: boolean; noRowIds?: boolean; ownIdsWriteNothing?: boolean; form: (c: TCtx) => Record<string, string> }[] = [
  { name: "createNoteAction", action: form(createNoteAction), who: "partner", helperRefused: false, noRowIds: true, form: (c) => ({ householdId: c.a.householdId, body: "Pediatrician Thursday 10:00" }) },
  { name: "updateNoteAction", action: form(updateNoteAction), who: "parent", helperRefused: true, form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId, version: "0", body: "Gel at 4, Calpol at 5" }) },
  { name: "deleteNoteAction", action: form(deleteNoteAction), who: "partner", helperRefused: true, form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId }) },
  { name: "pinNoteAction", action: form(pinNoteAction), who: "partner", helperRefused: false, form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId, pinned: "true" }) },
  {
    name: "markNotesReadAction", action: (v) => markNotesReadAction({ householdId: v.householdId!, noteIds: [v.noteId!] }), who: "partner", helperRefused: false, ownIdsWriteNothing: true,
    form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId }),
  },
  { name: "sendThanksAction", action: form(sendThanksAction), who: "parent", helperRefused: false, form: (c) => ({ householdId: c.a.householdId, toId: c.partnerCg, nightDate: "2026-11-20" }) },
  { name: "markThanksSeenAction", action: form(markThanksSeenAction), who: "parent", helperRefused: false, noRowIds: true, form: (c) => ({ householdId: c.a.householdId }) },
  { name: "dismissSummaryAction", action: form(dismissSummaryAction), who: "parent", helperRefused: false, noRowIds: true, form: (c) => ({ householdId: c.a.householdId }) },
];

async function expectRefused(who: TTestUser | null, action: TAction, values: Record<string, string>, codes: string[]) {
  await expectEndpointRefused(who, () => action(values), codes);
}

for (const tc of cases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      await expectRefused(null, tc.action, tc.form(ctx), ["unauthenticated"]);
    });
    it("refuses a member of another household and writes nothing", async () => {
      await expectRefused(ctx.b.parent, tc.action, tc.form(ctx), ["forbidden"]);
    });
    if (!tc.noRowIds) {
      it("another household's member using their own household id with our row ids changes nothing of ours", async () => {
        const values = { ...tc.form(ctx), householdId: ctx.b.householdId };
        if (tc.ownIdsWriteNothing) {
          await signInAs(ctx.b.parent);
          const before = await dumpTables();
          await tc.action(values);
          expect(await dumpTables()).toEqual(before);
        } else {
          await expectRefused(ctx.b.parent, tc.action, values, ["invalid", "not_found", "forbidden"]);
        }
      });
    }
    if (tc.helperRefused) {
      it("refuses a helper (not theirs to change) and writes nothing", async () => {
        await expectRefused(ctx.a.helper, tc.action, tc.form(ctx), ["forbidden"]);
      });
    }
    it("lets the right member of the household do it", async () => {
      await signInAs(tc.who === "parent" ? ctx.a.parent : ctx.a.partner);
      expect(await tc.action(tc.form(ctx))).toMatchObject({ ok: true });
    });
  });
}
