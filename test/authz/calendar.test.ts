// The calendar feed's actions (each caregiver manages only their own link) and
// its one unauthenticated route, where the secret in the URL is the credential:
// anything but a live token gets the same bare 404 (a few words from the
// catalogue, in the language of Accept-Language).
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { createCalendarFeed, deleteCalendarFeed } from "@/lib/nights/calendar-feed";
import { createCalendarFeedAction, deleteCalendarFeedAction, setFeedIncludesPartnerAction } from "@/lib/nights/actions";
import { GET } from "@/app/api/calendar/[token]/route";
import { actorOf, caregiverIdOf, dumpTables, makeFamily, signInAs, toForm, type TTestUser } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { describeAction, describeRoute } from "../helpers/describe-endpoint";
import { fakeRequest } from "../helpers/request";
import { CATALOGUES } from "../helpers/intl";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown>>;

let a: TFamily;
let b: TFamily;
/** Household A's parent already has a feed (with a known token) in every test. */
let parentToken: string;
beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const created = await createCalendarFeed(await actorOf(a.parent), { householdId: a.householdId });
  parentToken = tokenOf(created.path);
});

function tokenOf(path: string): string {
  return path.replace(/^\/api\/calendar\//, "").replace(/\.ics$/, "");
}

async function expectRefused(who: TTestUser | null, action: TAction, form: Record<string, string>, code: string) {
  await expectEndpointRefused(who, () => action(null, toForm(form)), code);
  expect(fakeRequest.revalidated).toEqual([]);
}

async function parentFeedRow() {
  return getDb().calendarFeed.findUnique({ where: { caregiverId: await caregiverIdOf(a.parent) } });
}

const cases: { name: string; action: TAction; form: () => Record<string, string> }[] = [
  { name: "createCalendarFeedAction", action: createCalendarFeedAction, form: () => ({ householdId: a.householdId }) },
  {
    name: "setFeedIncludesPartnerAction",
    action: setFeedIncludesPartnerAction,
    form: () => ({ householdId: a.householdId, includePartner: "true" }),
  },
  { name: "deleteCalendarFeedAction", action: deleteCalendarFeedAction, form: () => ({ householdId: a.householdId }) },
];

for (const tc of cases) {
  describeAction(tc.name, () => {
    it("refuses a signed-out visitor and writes nothing", async () => {
      await expectRefused(null, tc.action, tc.form(), "unauthenticated");
    });

    it("refuses a member of another household and writes nothing", async () => {
      await expectRefused(b.parent, tc.action, tc.form(), "forbidden");
    });

    it("refuses a session ended by 'sign out everywhere'", async () => {
      await signInAs(a.parent);
      await getDb().user.update({ where: { id: a.parent.id }, data: { sessionVersion: { increment: 1 } } });
      const before = await dumpTables();
      expect(await tc.action(null, toForm(tc.form()))).toMatchObject({ ok: false, code: "unauthenticated" });
      expect(await dumpTables()).toEqual(before);
    });

    // A household id that is not an id names no household of the caller's: the
    // request context refuses it as not a member, before reading any input.
    it("refuses ids that are not ids, with a clear message", async () => {
      await signInAs(a.parent);
      const before = await dumpTables();
      const r = await tc.action(null, toForm({ ...tc.form(), householdId: "'; DROP TABLE calendar_feeds; --" }));
      expect(r).toMatchObject({ ok: false, code: "forbidden", message: "You're not a member of this household." });
      expect(await dumpTables()).toEqual(before);
      expect(fakeRequest.revalidated).toEqual([]);
    });

    it("touches only the caller's own feed: the partner can't change the parent's", async () => {
      const before = await parentFeedRow();
      await signInAs(a.partner);
      await tc.action(null, toForm(tc.form()));
      expect(await parentFeedRow()).toEqual(before);
    });

    it("lets a member manage their own feed", async () => {
      await signInAs(a.parent);
      const result = await tc.action(null, toForm(tc.form()));
      expect(result).toMatchObject({ ok: true });
      expect(fakeRequest.revalidated).toEqual(["/settings"]);
    });
  });
}

/** The 404's words in one language, straight from its catalogue. */
const notFoundIn = (locale: keyof typeof CATALOGUES) =>
  (CATALOGUES[locale] as { app: { calendarNotFound: string } }).app.calendarNotFound;
const get = (token: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/calendar/${encodeURIComponent(token)}`, { headers }), {
    params: Promise.resolve({ token }),
  });

async function expectBare404(token: string) {
  const res = await get(token);
  expect(res.status).toBe(404);
  expect(await res.text()).toBe(notFoundIn("en-GB"));
  expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("no-store");
}

describeRoute("GET /api/calendar/[token]", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a valid token with the calendar, to anyone who holds it (no session needed)", async () => {
    await signInAs(null);
    const res = await get(`${parentToken}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    const body = await res.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain("X-WR-CALNAME:ParentA's nights — Attune");
    expect(body.endsWith("\r\n")).toBe(true);
    // Without the .ics suffix too.
    expect((await get(parentToken)).status).toBe(200);
  });

  it("answers a wrong token with a bare 404", async () => {
    const wrong = parentToken.slice(0, -1) + (parentToken.endsWith("A") ? "B" : "A");
    await expectBare404(`${wrong}.ics`);
  });

  it("says its 404 in the language of Accept-Language (en-GB when none of ours fits)", async () => {
    const wrong = "A".repeat(43);
    for (const [header, locale] of [
      ["de-AT,de;q=0.9,en;q=0.5", "de"],
      ["es", "es"],
      ["en-US,en;q=0.9", "en-US"],
      ["fr", "en-GB"],
    ] as const) {
      const res = await get(`${wrong}.ics`, { "accept-language": header });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-language")).toBe(locale);
      expect(await res.text()).toBe(notFoundIn(locale));
    }
    expect(notFoundIn("de")).toMatch(/Kalender/);
  });

  it("answers malformed tokens with the same bare 404, never a 500", async () => {
    for (const t of [
      "",
      ".ics",
      "short.ics",
      `${parentToken}x.ics`,
      `${parentToken}.ics.ics`,
      "'; DROP TABLE calendar_feeds; --",
      "../household/overview",
      "\u0000",
      "é".repeat(43),
    ]) {
      await expectBare404(t);
    }
  });

  it("answers a revoked or replaced token with the same bare 404, at once", async () => {
    const actor = await actorOf(a.parent);
    const second = await createCalendarFeed(actor, { householdId: a.householdId });
    await expectBare404(`${parentToken}.ics`);
    expect((await get(`${tokenOf(second.path)}.ics`)).status).toBe(200);
    await deleteCalendarFeed(actor, { householdId: a.householdId });
    await expectBare404(`${tokenOf(second.path)}.ics`);
  });

  it("a session doesn't stand in for the token: another household's member still gets 404", async () => {
    await signInAs(b.parent);
    await expectBare404("A".repeat(43));
    await signInAs(a.parent);
    await expectBare404("A".repeat(43));
  });

  it("writes nothing and logs no token", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const before = await dumpTables();
    await get(`${parentToken}.ics`);
    await get(`${parentToken.slice(0, 40)}zzz.ics`);
    expect(await dumpTables()).toEqual(before);
    const logged = JSON.stringify(spies.flatMap((s) => s.mock.calls));
    expect(logged).not.toContain(parentToken);
    expect(logged).not.toContain(parentToken.slice(0, 40));
  });
});
