// Notes, handoff notes, thank-yous and the morning summary: every action is
// refused to signed-out visitors and to members of other households (even with
// their own household id and our row ids), and to helpers where the rule says
// so (docs/decisions/0012-notes.md); nothing is written. The unread count's
// route answers only a member, about themselves.
import { beforeEach, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import {
  createNoteAction,
  deleteNoteAction,
  dismissSummaryAction,
  markNotesReadAction,
  markThanksSeenAction,
  pinNoteAction,
  sendThanksAction,
  updateNoteAction,
} from "@/lib/notes/actions";
import { GET as unreadNotes } from "@/app/api/notes/unread/route";
import { caregiverIdOf, dumpTables, makeFamily, signInAs, type TTestUser } from "../helpers/factories";
import { describeActionCases, viaForm, type TActionCase } from "../helpers/refused";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; noteId: string; partnerCg: string; parentCg: string };

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const [parentCg, partnerCg] = [await caregiverIdOf(a.parent), await caregiverIdOf(a.partner)];
  const note = await getDb().note.create({
    data: { householdId: a.householdId, authorId: parentCg, body: "Gel at 4" },
  });
  await getDb().appreciation.create({
    data: {
      householdId: a.householdId,
      fromId: partnerCg,
      toId: parentCg,
      nightDate: new Date("2026-11-20T00:00:00Z"),
    },
  });
  ctx = { a, b, noteId: note.id, parentCg, partnerCg };
});

// who: the member of household A for whom it is allowed. helperRefused: a helper is refused.
// ownIdsWriteNothing: with their own household id and our ids the call may succeed, but must change nothing.
const cases: TActionCase<TCtx>[] = [
  {
    name: "createNoteAction",
    action: viaForm(createNoteAction),
    who: "partner",
    helperRefused: false,
    noRowIds: true,
    form: (c) => ({ householdId: c.a.householdId, body: "Pediatrician Thursday 10:00" }),
  },
  {
    name: "updateNoteAction",
    action: viaForm(updateNoteAction),
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId, version: "0", body: "Gel at 4, Calpol at 5" }),
  },
  {
    name: "deleteNoteAction",
    action: viaForm(deleteNoteAction),
    who: "partner",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId }),
  },
  {
    name: "pinNoteAction",
    action: viaForm(pinNoteAction),
    who: "partner",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId, pinned: "true" }),
  },
  {
    name: "markNotesReadAction",
    action: (v) => markNotesReadAction(null, { householdId: v.householdId!, noteIds: [v.noteId!] }),
    who: "partner",
    helperRefused: false,
    ownIdsWriteNothing: true,
    form: (c) => ({ householdId: c.a.householdId, noteId: c.noteId }),
  },
  {
    name: "sendThanksAction",
    action: viaForm(sendThanksAction),
    who: "parent",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, toId: c.partnerCg, nightDate: "2026-11-20" }),
  },
  {
    name: "markThanksSeenAction",
    action: viaForm(markThanksSeenAction),
    who: "parent",
    helperRefused: false,
    noRowIds: true,
    form: (c) => ({ householdId: c.a.householdId }),
  },
  {
    name: "dismissSummaryAction",
    action: viaForm(dismissSummaryAction),
    who: "parent",
    helperRefused: false,
    noRowIds: true,
    form: (c) => ({ householdId: c.a.householdId }),
  },
];

describeActionCases(cases, () => ctx, "not theirs to change");

describeRoute("GET /api/notes/unread", () => {
  const get = (householdId?: string) =>
    unreadNotes(new Request(`http://localhost/api/notes/unread${householdId ? `?householdId=${householdId}` : ""}`));

  /** Signs in as `who`, asks, and shows that asking changed no table. */
  async function ask(who: TTestUser | null, householdId?: string) {
    await signInAs(who);
    const before = await dumpTables();
    const res = await get(householdId);
    const body: unknown = await res.json();
    expect(await dumpTables()).toEqual(before);
    return { status: res.status, body };
  }

  it("refuses a signed-out visitor with 401, no count, and changes nothing", async () => {
    const res = await ask(null, ctx.a.householdId);
    expect(res.status).toBe(401);
    expect(res.body).not.toHaveProperty("count");
  });

  it("refuses a member of another household with 403, no count, and changes nothing", async () => {
    const res = await ask(ctx.b.parent, ctx.a.householdId);
    expect(res.status).toBe(403);
    expect(res.body).not.toHaveProperty("count");
  });

  it("refuses a missing or garbage household id with 403, never a 500", async () => {
    expect((await ask(ctx.a.partner)).status).toBe(403);
    expect((await ask(ctx.a.partner, "%27%20OR%201=1")).status).toBe(403);
  });

  it("gives a member their own count (the author's note is new to the others, not to them), reading only", async () => {
    expect(await ask(ctx.a.partner, ctx.a.householdId)).toEqual({ status: 200, body: { count: 1 } });
    expect(await ask(ctx.a.helper, ctx.a.householdId)).toEqual({ status: 200, body: { count: 1 } });
    expect(await ask(ctx.a.parent, ctx.a.householdId)).toEqual({ status: 200, body: { count: 0 } });
    await signInAs(ctx.a.partner);
    expect((await get(ctx.a.householdId)).headers.get("cache-control")).toContain("no-store");
  });
});
