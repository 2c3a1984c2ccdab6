import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { signUp } from "@/lib/account/sign-up";
import { checkCredentials } from "@/lib/account/check-credentials";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { LAST_SEEN_EVERY_MINUTES, resolveActor } from "@/lib/auth/session";
import { openSession, revokeSession } from "@/lib/auth/sessions";
import { deviceName } from "@/lib/auth/device";
import { english } from "@/lib/i18n/english";
import { textIn } from "@/lib/i18n/translate";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, PAIR_LIMIT } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { actorOf, claimsOf, makeUser, PASSWORD } from "../helpers/factories";
import { countQueries } from "../helpers/count-queries";

let n = 0;
const address = () => `198.51.100.${++n}`;

describe("sign up", () => {
  it("stores a normalised email and an argon2id hash, never the password", async () => {
    const { id } = await signUp({ name: "  Robin ", email: "  Robin.Parent@Example.COM ", password: PASSWORD });
    const row = await getDb().user.findUniqueOrThrow({ where: { id } });
    expect(row.email).toBe("robin.parent@example.com");
    expect(row.name).toBe("Robin");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
  });

  it("refuses a second account for the same email, in any case", async () => {
    await signUp({ name: "A", email: "twice@example.com", password: PASSWORD });
    await expect(signUp({ name: "B", email: "TWICE@example.com", password: PASSWORD })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await getDb().user.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it.each([
    [{ name: "", email: "a@example.com", password: PASSWORD }, "name"],
    [{ name: "A", email: "not-an-email", password: PASSWORD }, "email"],
    [{ name: "A", email: "a@example.com", password: "short" }, "password"],
    [{ name: "A", email: "a@example.com", password: "password123" }, "password"],
    [{ name: "x".repeat(81), email: "a@example.com", password: PASSWORD }, "name"],
    [{ name: "A", email: `${"x".repeat(250)}@example.com`, password: PASSWORD }, "email"],
    [{ name: 42, email: ["a"], password: null }, "name"],
  ])("refuses bad input %# with a message on the field and writes nothing", async (input, field) => {
    const before = await getDb().user.count();
    const err = await signUp(input).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid");
    expect((err as AppError).fieldErrors?.[field]?.[0]).toBeTruthy();
    expect(await getDb().user.count()).toBe(before);
  });
});

describe("check credentials", () => {
  it("signs in with the right password, case-insensitive email", async () => {
    const u = await makeUser("Kim");
    const res = await checkCredentials({ email: u.email.toUpperCase(), password: PASSWORD, address: address() });
    expect(res).toMatchObject({ ok: true, user: { id: u.id } });
    expect(JSON.stringify(res)).not.toContain("argon2");
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const u = await makeUser("Lee");
    const wrong = await checkCredentials({ email: u.email, password: "wrong password!", address: address() });
    const unknown = await checkCredentials({
      email: "nobody-here@example.com",
      password: "wrong password!",
      address: address(),
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("slows the guesser at one address, even with the right password, and not the owner elsewhere or other accounts", async () => {
    const u = await makeUser("Max");
    const other = await makeUser("Noa");
    const attacker = address();
    for (let i = 0; i < PAIR_LIMIT.points; i++) {
      expect(await checkCredentials({ email: u.email, password: "nope nope nope", address: attacker })).toMatchObject({
        reason: "invalid",
      });
    }
    const blocked = await checkCredentials({ email: u.email, password: PASSWORD, address: attacker });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
    // The owner, from their own address, is not locked out by someone else's guesses.
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: address() })).toMatchObject({
      ok: true,
    });
    expect(await checkCredentials({ email: other.email, password: PASSWORD, address: attacker })).toMatchObject({
      ok: true,
    });
  });

  it("an attacker spread over many addresses can't lock the owner out below the account-wide ceiling", async () => {
    const u = await makeUser("Mia");
    // 20 addresses, each stopping just short of its own block: 80 guesses.
    for (let a = 0; a < 20; a++) {
      const from = address();
      for (let i = 0; i < PAIR_LIMIT.points - 1; i++)
        await checkCredentials({ email: u.email, password: "still wrong", address: from });
    }
    expect(80).toBeLessThan(ACCOUNT_LIMIT.points);
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: address() })).toMatchObject({
      ok: true,
    });
  });

  it("throttles a client address that tries many accounts", async () => {
    const from = address();
    for (let i = 0; i < ADDRESS_LIMIT.points; i++) {
      await checkCredentials({ email: `spray-${i}@example.com`, password: "guess guess", address: from });
    }
    const u = await makeUser("Oli");
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: from })).toMatchObject({
      reason: "throttled",
    });
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: address() })).toMatchObject({
      ok: true,
    });
  });

  it("a success clears the failures counted for that account at that address", async () => {
    const u = await makeUser("Pat");
    const from = address();
    for (let i = 0; i < PAIR_LIMIT.points - 1; i++) {
      await checkCredentials({ email: u.email, password: "not it at all", address: from });
    }
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: from })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < PAIR_LIMIT.points - 1; i++) {
      await checkCredentials({ email: u.email, password: "not it at all", address: from });
    }
    expect(await checkCredentials({ email: u.email, password: PASSWORD, address: from })).toMatchObject({
      ok: true,
    });
  });
});

describe("sessions", () => {
  it("a session token is honoured only while its version matches the user's", async () => {
    const u = await makeUser("Quinn");
    const claims = await claimsOf(u);
    expect(await resolveActor(claims)).toMatchObject({ userId: u.id, membership: null, sessionId: claims.sessionId });
    await signOutEverywhere(await actorOf(u), {});
    expect(await resolveActor(claims)).toBeNull();
    // A new sign-in after that works again.
    const fresh = await claimsOf(u);
    expect(fresh.sessionVersion).toBe(1);
    expect(await resolveActor(fresh)).toMatchObject({ userId: u.id });
  });

  it("refuses tokens for unknown users, unknown or malformed sessions, and missing claims", async () => {
    const u = await makeUser("Rey");
    const claims = await claimsOf(u);
    expect(await resolveActor(null)).toBeNull();
    expect(await resolveActor({ ...claims, userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await resolveActor({ ...claims, sessionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await resolveActor({ ...claims, sessionId: "not-a-uuid" })).toBeNull();
    expect(await resolveActor({ ...claims, sessionVersion: 1e300 })).toBeNull();
  });

  it("a session belongs to its user: another user's session id with my user id is nobody", async () => {
    const u = await makeUser("Sol");
    const other = await makeUser("Tam");
    const mine = await claimsOf(u);
    const theirs = await claimsOf(other);
    expect(await resolveActor({ ...mine, sessionId: theirs.sessionId })).toBeNull();
  });

  it("a revoked session ends only that device; the other stays signed in", async () => {
    const u = await makeUser("Uli");
    const phone = { userId: u.id, sessionVersion: 0, sessionId: await openSession(u.id, "phone") };
    const laptop = { userId: u.id, sessionVersion: 0, sessionId: await openSession(u.id, "laptop") };
    expect(await revokeSession(u.id, phone.sessionId, new Date())).toBe(true);
    expect(await resolveActor(phone)).toBeNull();
    expect(await resolveActor(laptop)).toMatchObject({ userId: u.id });
    expect(await revokeSession(u.id, phone.sessionId, new Date())).toBe(false);
  });

  it("marks a session seen at most every few minutes, in the one statement that checks it", async () => {
    const u = await makeUser("Vic");
    const claims = await claimsOf(u);
    const longAgo = new Date(Date.now() - (LAST_SEEN_EVERY_MINUTES + 1) * 60_000);
    await getDb().session.update({ where: { id: claims.sessionId }, data: { lastSeenAt: longAgo } });
    const first = await countQueries(() => resolveActor(claims));
    expect(first.queries).toBe(1);
    const seen = (await getDb().session.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
    const second = await countQueries(() => resolveActor(claims));
    expect(second.queries).toBe(1);
    expect((await getDb().session.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt).toEqual(seen);
  });

  it("signing out everywhere needs a signed-in user", async () => {
    await expect(signOutEverywhere(null, {})).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("device names", () => {
  it.each([
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari on iPhone",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
      "Edge on Mac",
    ],
    ["", "Unknown device"],
    [null, "Unknown device"],
  ])("%s → %s", (ua, name) => {
    expect(english(deviceName(ua))).toBe(name);
  });

  it("are stored as message references, shown in the reader's language; a name alone stays as it is", async () => {
    const firefox = deviceName("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
    expect(await textIn("de", firefox)).toBe("Firefox auf Windows");
    expect(await textIn("es", firefox)).toBe("Firefox en Windows");
    expect(await textIn("de", deviceName(null))).toBe("Unbekanntes Gerät");
    expect(deviceName("Firefox/133.0")).toBe("Firefox");
    // A row stored as English before #14 shows as it was written.
    expect(await textIn("de", "Chrome on Android")).toBe("Chrome on Android");
  });
});
