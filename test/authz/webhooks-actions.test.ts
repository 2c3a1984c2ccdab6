// Settings → Webhooks: parents only (lib/household/rights.ts canManageWebhooks).
// Every action is refused to signed-out visitors, to members of other
// households (with our household id, or with theirs and our webhook's id) and
// to helpers, and nothing is written when refused. The list, a read, refuses
// helpers and outsiders too.
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  createWebhookAction,
  pauseWebhookAction,
  removeWebhookAction,
  sendTestWebhookAction,
} from "@/lib/webhooks/actions";
import { createWebhook, listWebhooks } from "@/lib/webhooks/endpoints";
import type { AppError } from "@/lib/errors";
import { actorOf, makeFamily } from "../helpers/factories";
import { describeActionCases, expectRefusedUnchanged, viaForm, type TActionCase } from "../helpers/refused";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = { a: TFamily; b: TFamily; webhookId: string };

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const { id } = await createWebhook(await actorOf(a.parent), {
    householdId: a.householdId,
    name: "Home Assistant",
    url: "https://hooks.example/attune",
    events: ["waking.started"],
  });
  ctx = { a, b, webhookId: id };
});

const HELPERS = "webhooks send the household's nights elsewhere: a parent's decision";

const cases: TActionCase<TCtx>[] = [
  {
    name: "createWebhookAction",
    action: viaForm(createWebhookAction),
    who: "partner",
    helperRefused: true,
    noRowIds: true,
    form: (c) => ({
      householdId: c.a.householdId,
      name: "Lights",
      url: "http://192.168.1.20:8123/api/webhook/attune",
      events: "tapout.requested",
    }),
  },
  {
    name: "removeWebhookAction",
    action: viaForm(removeWebhookAction),
    who: "partner",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, webhookId: c.webhookId }),
  },
  {
    name: "pauseWebhookAction",
    action: viaForm(pauseWebhookAction),
    who: "partner",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, webhookId: c.webhookId, to: "pause" }),
  },
  {
    name: "sendTestWebhookAction",
    action: viaForm(sendTestWebhookAction),
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, webhookId: c.webhookId }),
  },
];

describeActionCases(cases, () => ctx, HELPERS);

describe("the list of webhooks", () => {
  it("is refused to a helper and to another household's parent; a parent sees it without the secret", async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: AppError) => e.code,
      );
    expect(await refusal(listWebhooks(await actorOf(ctx.a.helper), { householdId: ctx.a.householdId }))).toBe(
      "forbidden",
    );
    expect(await refusal(listWebhooks(await actorOf(ctx.b.parent), { householdId: ctx.a.householdId }))).toBe(
      "forbidden",
    );
    expect(await refusal(listWebhooks(null, { householdId: ctx.a.householdId }))).toBe("unauthenticated");
    const list = await listWebhooks(await actorOf(ctx.a.partner), { householdId: ctx.a.householdId });
    expect(list.map((w) => w.id)).toEqual([ctx.webhookId]);
    expect(Object.keys(list[0]!)).not.toContain("sealedSecret");
  });
});

describe("bad input", () => {
  it("a bad URL, no events or an unknown event: a clear message, nothing written", async () => {
    const parent = await actorOf(ctx.a.parent);
    const base = {
      householdId: ctx.a.householdId,
      name: "X",
      url: "https://hooks.example/x",
      events: ["waking.started"],
    };
    await expectRefusedUnchanged(() => createWebhook(parent, { ...base, url: "gopher://x" }), "invalid", /https:\/\//);
    await expectRefusedUnchanged(() => createWebhook(parent, { ...base, events: [] }), "invalid", /at least one/);
    await expectRefusedUnchanged(() => createWebhook(parent, { ...base, events: ["everything"] }), "invalid", /list/);
    await expectRefusedUnchanged(() => createWebhook(parent, { ...base, name: "" }), "invalid", /name/);
  });
});
