// Soft removal and account deletion (docs/decisions/0030): leaving or being
// removed keeps the past as it was (Balance, the calendar feed, notes); the
// removed member is refused like any outsider; deleting an account removes
// what was private to it and leaves what was done in the household, named by
// the household's choice.
import { describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import { GET as apiNightLogRoute } from "@/app/api/v1/nights/[date]/log/route";
import { getDb } from "@/lib/db";
import { getBalance } from "@/lib/balance/read-balance";
import { removeMember, leaveHousehold, getHouseholdOverview } from "@/lib/household/members";
import { createHousehold } from "@/lib/household/create-household";
import { acceptInvite, createInvite } from "@/lib/household/invites";
import { updateHousehold } from "@/lib/household/update-household";
import { calendarFeedForToken, createCalendarFeed } from "@/lib/nights/calendar-feed";
import { createNote } from "@/lib/notes/notes";
import { listNotes } from "@/lib/notes/read-notes";
import { deleteAccount, LAST_PARENT_CANT_DELETE } from "@/lib/account/delete-account";
import { actorForApiToken, createApiToken } from "@/lib/api/tokens";
import { resolveActor } from "@/lib/auth/session";
import { FORMER_CAREGIVER } from "@/lib/household/caregiver-name";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import { addDays, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import {
  actorOf,
  caregiverIdOf,
  claimsOf,
  HOUSEHOLD_INPUT,
  makeFamily,
  makeHousehold,
  makeUser,
  PASSWORD,
  signInAs,
  tokenOf,
} from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";
import { english } from "@/lib/i18n/english";
import { textIn } from "@/lib/i18n/translate";
import { isMsg } from "@/lib/i18n/text";
import { getNights } from "@/lib/nights/read-nights";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const MIN = 60_000;

/** A family with 45 past nights of shifts, wakings and tap-outs, and a shift of the partner's still to come. */
async function familyWithHistory(label: string) {
  const f = await makeFamily(label);
  const db = getDb();
  const h = await db.household.findUniqueOrThrow({ where: { id: f.householdId } });
  const now = new Date();
  const tonight = currentOrNextNight(now, h.timeZone, h.nightStart, h.nightEnd).date;
  const lastNight = addDays(tonight, -1);
  const [p, q, hl] = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner), await caregiverIdOf(f.helper)];
  const baby = await db.baby.create({ data: { householdId: f.householdId, name: "Ivy", birthDate: new Date() } });
  const win = (d: TLocalDate) => nightWindow(d, h.timeZone, h.nightStart, h.nightEnd);
  for (let i = 1; i <= 45; i++) {
    const d = addDays(tonight, -i);
    const w = win(d);
    const who = i % 3 === 0 ? q : i % 3 === 1 ? p : hl;
    const mid = new Date(w.start.getTime() + 5 * 60 * MIN);
    await db.shift.create({
      data: {
        householdId: f.householdId,
        caregiverId: who,
        nightDate: toDbDate(d),
        startsAt: w.start,
        endsAt: mid,
        source: "manual",
      },
    });
    await db.shift.create({
      data: {
        householdId: f.householdId,
        caregiverId: i % 2 ? q : p,
        nightDate: toDbDate(d),
        startsAt: mid,
        endsAt: w.end,
        source: "manual",
      },
    });
    const at = new Date(w.start.getTime() + (2 + (i % 5)) * 60 * MIN);
    await db.waking.create({
      data: {
        householdId: f.householdId,
        babyId: baby.id,
        nightDate: toDbDate(d),
        startedAt: at,
        endedAt: new Date(at.getTime() + (10 + i) * MIN),
        responderId: i % 2 ? q : p,
        helped: [],
      },
    });
    // Unanswered tap-outs reach every other parent: the partner's protected sleep counts them.
    if (i % 4 === 0)
      await db.tapOut.create({
        data: {
          householdId: f.householdId,
          nightDate: toDbDate(d),
          requesterId: p,
          requestedAt: new Date(at.getTime() + 40 * MIN),
        },
      });
  }
  const future = win(addDays(tonight, 2));
  const coming = await db.shift.create({
    data: {
      householdId: f.householdId,
      caregiverId: q,
      nightDate: toDbDate(addDays(tonight, 2)),
      startsAt: future.start,
      endsAt: future.end,
      source: "manual",
    },
  });
  return { ...f, ids: { p, q, hl }, tonight, lastNight, now, comingShiftId: coming.id };
}

describe("soft removal", () => {
  it("keeps Balance's past figures identical (last nights and a long range computed in SQL)", async () => {
    const f = await familyWithHistory("B");
    const parent = await actorOf(f.parent);
    const recent = { householdId: f.householdId, from: addDays(f.lastNight, -9), to: f.lastNight };
    const long = { householdId: f.householdId, from: addDays(f.lastNight, -44), to: f.lastNight };
    const [beforeRecent, beforeLong] = [await getBalance(parent, recent, f.now), await getBalance(parent, long, f.now)];
    expect(beforeRecent.totals.some((t) => t.caregiverId === f.ids.q && t.wakings > 0)).toBe(true);

    await removeMember(parent, { householdId: f.householdId, caregiverId: f.ids.q }, f.now);

    const [afterRecent, afterLong] = [await getBalance(parent, recent, f.now), await getBalance(parent, long, f.now)];
    expect(afterRecent.totals).toEqual(beforeRecent.totals);
    expect(afterRecent.nights).toEqual(beforeRecent.nights);
    expect(afterLong.totals).toEqual(beforeLong.totals);
    // They are named on their past, and no longer offered as a member.
    expect(afterRecent.caregivers.map((c) => c.id)).not.toContain(f.ids.q);
    expect(afterRecent.former).toMatchObject([{ id: f.ids.q, name: f.partner.name }]);
    // Their future went; the past stayed.
    const db = getDb();
    expect(await db.shift.count({ where: { id: f.comingShiftId } })).toBe(0);
    expect(await db.shift.count({ where: { caregiverId: f.ids.q } })).toBeGreaterThan(20);
  }, 60_000);

  it("the remaining partner's calendar feed still has the removed member's past shifts", async () => {
    const f = await familyWithHistory("C");
    const created = await createCalendarFeed(await actorOf(f.parent), {
      householdId: f.householdId,
      includePartner: "true",
    });
    const token = created.path.replace(/^\/api\/calendar\//, "").replace(/\.ics$/, "");
    const before = (await calendarFeedForToken(token, { now: f.now }))!.ics;
    const pastOfQ = await getDb().shift.findFirstOrThrow({
      where: { caregiverId: f.ids.q, startsAt: { lt: f.now } },
      orderBy: { startsAt: "desc" },
    });
    expect(before).toContain(`UID:${pastOfQ.id}@attune`);
    await removeMember(await actorOf(f.parent), { householdId: f.householdId, caregiverId: f.ids.q }, f.now);
    const after = (await calendarFeedForToken(token, { now: f.now }))!.ics;
    expect(after).toContain(`UID:${pastOfQ.id}@attune`);
    expect(after).not.toContain(`UID:${f.comingShiftId}@attune`);
  }, 60_000);

  it("refuses the removed member everywhere a non-member is refused: actions, session, API token, calendar feed", async () => {
    const f = await makeFamily("R");
    const partner = await actorOf(f.partner);
    const token = await createApiToken(partner, { householdId: f.householdId, name: "Button", scopes: ["read"] });
    const feed = await createCalendarFeed(partner, { householdId: f.householdId });
    const claims = await claimsOf(f.partner);
    await removeMember(await actorOf(f.parent), {
      householdId: f.householdId,
      caregiverId: await caregiverIdOf(f.partner),
    });
    await expectRefusedUnchanged(() => getHouseholdOverview(partner, { householdId: f.householdId }), "forbidden");
    await expectRefusedUnchanged(
      () => createNote(partner, { householdId: f.householdId, body: "Still here?" }),
      "forbidden",
    );
    await expectRefusedUnchanged(() => leaveHousehold(partner, { householdId: f.householdId }), "forbidden");
    expect((await resolveActor(claims))?.membership).toBeNull();
    expect(await actorForApiToken(token.token)).toBeNull();
    const feedToken = feed.path.replace(/^\/api\/calendar\//, "").replace(/\.ics$/, "");
    expect(await calendarFeedForToken(feedToken, { now: new Date() })).toBeNull();
  });

  it("a removed member can create another household, or come back to theirs with their past", async () => {
    const f = await makeFamily("J");
    const before = await caregiverIdOf(f.partner);
    await leaveHousehold(await actorOf(f.partner), { householdId: f.householdId });
    const { householdId: own } = await createHousehold(await actorOf(f.partner), HOUSEHOLD_INPUT);
    expect(own).not.toBe(f.householdId);
    // A second household while in one is still refused (one ACTIVE household per account).
    await expect(createHousehold(await actorOf(f.partner), HOUSEHOLD_INPUT)).rejects.toMatchObject({
      code: "forbidden",
    });

    const g = await makeFamily("K");
    await leaveHousehold(await actorOf(g.helper), { householdId: g.householdId });
    const invite = await createInvite(await actorOf(g.parent), { householdId: g.householdId, role: "parent" });
    const helperRow = await getDb().caregiver.findFirstOrThrow({ where: { userId: g.helper.id } });
    await acceptInvite(await actorOf(g.helper), { token: tokenOf(invite.path) });
    expect(await caregiverIdOf(g.helper)).toBe(helperRow.id);
    expect(await getDb().caregiver.findUniqueOrThrow({ where: { id: helperRow.id } })).toMatchObject({
      removedAt: null,
      role: "parent",
    });
    expect(before).not.toBe(await caregiverIdOf(f.partner));
  });
});

describe("account deletion", () => {
  async function familyWithPrivateData(label: string) {
    const f = await makeFamily(label);
    const db = getDb();
    const partner = await actorOf(f.partner);
    const q = await caregiverIdOf(f.partner);
    const { noteId } = await createNote(partner, { householdId: f.householdId, body: "Bottle in the fridge" });
    await createNote(await actorOf(f.parent), { householdId: f.householdId, body: "Thanks!" });
    await db.noteRead.create({ data: { noteId, caregiverId: await caregiverIdOf(f.parent) } });
    await db.checkIn.create({
      data: { householdId: f.householdId, caregiverId: q, date: toDbDate("2026-11-01"), sleepiness: 7 },
    });
    await db.checkIn.create({
      data: { householdId: f.householdId, caregiverId: q, date: toDbDate("2026-11-02"), sleepiness: 3, shared: true },
    });
    await db.pushSubscription.create({
      data: {
        householdId: f.householdId,
        caregiverId: q,
        endpoint: `https://push.example/${label}`,
        p256dh: "k",
        auth: "a",
      },
    });
    await createCalendarFeed(partner, { householdId: f.householdId });
    await createApiToken(partner, { householdId: f.householdId, name: "Button", scopes: ["read"] });
    const shift = await db.shift.create({
      data: {
        householdId: f.householdId,
        caregiverId: q,
        nightDate: toDbDate("2026-11-01"),
        startsAt: new Date("2026-11-01T19:00:00Z"),
        endsAt: new Date("2026-11-02T07:00:00Z"),
        source: "manual",
      },
    });
    await claimsOf(f.partner);
    return { ...f, q, noteId, shiftId: shift.id };
  }

  it("removes the private data and the account; what they did stays, as “a former caregiver”", async () => {
    const f = await familyWithPrivateData("D");
    const db = getDb();
    const result = await deleteAccount(await actorOf(f.partner), { currentPassword: PASSWORD });
    expect(result).toEqual({ householdDeleted: false });
    expect(await db.user.count({ where: { id: f.partner.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: f.partner.id } })).toBe(0);
    for (const [name, n] of [
      ["private check-ins", await db.checkIn.count({ where: { caregiverId: f.q, shared: false } })],
      ["push devices", await db.pushSubscription.count({ where: { caregiverId: f.q } })],
      ["calendar feed", await db.calendarFeed.count({ where: { caregiverId: f.q } })],
      ["API tokens", await db.apiToken.count({ where: { caregiverId: f.q } })],
      ["note reads", await db.noteRead.count({ where: { caregiverId: f.q } })],
    ] as const)
      expect(n, name).toBe(0);
    expect(await db.checkIn.count({ where: { caregiverId: f.q, shared: true } })).toBe(1);
    expect(await db.shift.count({ where: { id: f.shiftId } })).toBe(1);
    const row = await db.caregiver.findUniqueOrThrow({ where: { id: f.q } });
    expect(row).toMatchObject({ userId: null, formerName: null });
    expect(row.removedAt).not.toBeNull();
    const notes = await listNotes(await actorOf(f.parent), { householdId: f.householdId });
    expect(notes.notes.find((n) => n.id === f.noteId)?.authorName).toBe(FORMER_CAREGIVER);
  });

  it("the household's export still holds them and their shifts, without an account", async () => {
    const f = await familyWithPrivateData("X");
    await deleteAccount(await actorOf(f.partner), { currentPassword: PASSWORD });
    await signInAs(f.parent);
    const res = await exportRoute(new Request("http://localhost/api/export"));
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text()) as {
      members: { id: string; userId: string | null; name: string; email: string | null; removedAt: string | null }[];
      shifts: { id: string }[];
    };
    // Exports are British English: the name, never a message reference.
    expect(doc.members.find((m) => m.id === f.q)).toMatchObject({
      userId: null,
      email: null,
      name: "a former caregiver",
    });
    expect(doc.members.find((m) => m.id === f.q)?.removedAt).not.toBeNull();
    expect(doc.shifts.map((s) => s.id)).toContain(f.shiftId);
  });

  it("“a former caregiver” is a message reference: each reader's language on screen, British English for the API", async () => {
    const f = await familyWithPrivateData("L");
    const db = getDb();
    const baby = await db.baby.create({ data: { householdId: f.householdId, name: "Ivy", birthDate: new Date() } });
    await db.waking.create({
      data: {
        householdId: f.householdId,
        babyId: baby.id,
        responderId: f.q,
        nightDate: toDbDate("2026-11-01"),
        startedAt: new Date("2026-11-02T02:00:00Z"),
        endedAt: new Date("2026-11-02T02:20:00Z"),
      },
    });
    const token = await createApiToken(await actorOf(f.parent), {
      householdId: f.householdId,
      name: "Button",
      scopes: ["read"],
    });
    await deleteAccount(await actorOf(f.partner), { currentPassword: PASSWORD });
    const parent = await actorOf(f.parent);

    // Notes name the author in SQL (one parameter of the same statement), the nights in the view's "former".
    const author = (await listNotes(parent, { householdId: f.householdId })).notes.find(
      (n) => n.id === f.noteId,
    )!.authorName;
    const nights = await getNights(parent, { householdId: f.householdId, from: "2026-11-01", count: 1 });
    const former = nights.former.find((c) => c.id === f.q)!.name;
    for (const name of [author, former]) {
      expect(isMsg(name)).toBe(true);
      expect(english(name)).toBe("a former caregiver");
      expect(await textIn("en-US", name)).toBe("a former caregiver");
      expect(await textIn("de", name)).toBe("eine frühere Betreuungsperson");
      expect(await textIn("es", name)).toBe("una persona cuidadora anterior");
    }

    // The API answers what programs read: British English, no reference.
    const res = await apiNightLogRoute(
      new Request("http://localhost/api/v1/nights/2026-11-01/log", {
        headers: { authorization: `Bearer ${token.token}`, "accept-language": "de" },
      }),
      { params: Promise.resolve({ date: "2026-11-01" }) },
    );
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain("\uE000");
    expect((JSON.parse(body) as { wakings: { responderName: string }[] }).wakings[0]?.responderName).toBe(
      "a former caregiver",
    );
  });

  it("keeps their name when the household chose to", async () => {
    const f = await familyWithPrivateData("E");
    await updateHousehold(await actorOf(f.parent), {
      ...HOUSEHOLD_INPUT,
      householdId: f.householdId,
      keepFormerNames: "on",
    });
    await deleteAccount(await actorOf(f.partner), { currentPassword: PASSWORD });
    expect((await getDb().caregiver.findUniqueOrThrow({ where: { id: f.q } })).formerName).toBe(f.partner.name);
    const notes = await listNotes(await actorOf(f.parent), { householdId: f.householdId });
    expect(notes.notes.find((n) => n.id === f.noteId)?.authorName).toBe(f.partner.name);
  });

  it("refuses the last parent while others remain, and changes nothing", async () => {
    const parent = await makeUser("Solo");
    const householdId = await makeHousehold(parent);
    const helper = await makeUser("Help");
    const invite = await createInvite(await actorOf(parent), { householdId, role: "helper" });
    await acceptInvite(await actorOf(helper), { token: tokenOf(invite.path) });
    await expectRefusedUnchanged(
      async () => deleteAccount(await actorOf(parent), { currentPassword: PASSWORD }),
      "conflict",
      new RegExp(english(LAST_PARENT_CANT_DELETE).slice(0, 30)),
    );
  });

  it("deletes the household too when they are its only member", async () => {
    const parent = await makeUser("Alone");
    const householdId = await makeHousehold(parent);
    expect(await deleteAccount(await actorOf(parent), { currentPassword: PASSWORD })).toEqual({
      householdDeleted: true,
    });
    expect(await getDb().household.count({ where: { id: householdId } })).toBe(0);
    expect(await getDb().user.count({ where: { id: parent.id } })).toBe(0);
  });
});
