// The public actions (sign up, sign in, sign out) and sign-out-everywhere.
// Auth.js's signIn/signOut need a live Next request; here signIn runs our real
// authorize function against the real database, as Auth.js would.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { signInAction, signUpAction } from "@/lib/account/actions";
import { signOutAction, signOutDeviceAction, signOutEverywhereAction } from "@/lib/account/actions";
import { openSession } from "@/lib/auth/sessions";
import { resolveActor } from "@/lib/auth/session";
import { expectEndpointRefused } from "../helpers/refused";
import { PAIR_LIMIT, signUpLimit } from "@/lib/auth/throttle";
import { claimsOf, dumpTables, makeUser, PASSWORD, signInAs, toForm } from "../helpers/factories";
import { describeAction } from "../helpers/describe-endpoint";
import { fakeRequest, RedirectSignal } from "../helpers/request";

const authMock = vi.hoisted(() => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/auth/config", () => ({ ...authMock, auth: vi.fn() }));

beforeEach(async () => {
  const { authorizeCredentials } = await import("@/lib/auth/authorize");
  authMock.signIn.mockReset().mockImplementation(async (_provider: string, creds: Record<string, string>) => {
    await authorizeCredentials(creds, new Headers(fakeRequest.headers));
  });
  authMock.signOut.mockReset().mockImplementation(async (opts?: { redirectTo?: string }) => {
    throw new RedirectSignal(opts?.redirectTo ?? "/");
  });
});

async function redirectOf(p: Promise<unknown>): Promise<string | unknown> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof RedirectSignal) return `redirect:${e.url}`;
    throw e;
  }
}

describeAction("signUpAction", () => {
  it("creates the account and goes on to sign in, the address filled in and next kept", async () => {
    const r = await redirectOf(
      signUpAction(null, toForm({ name: "Uma", email: " Uma@Example.com", password: PASSWORD })),
    );
    expect(r).toBe("redirect:/sign-in?created=1&next=%2Fonboarding");
    expect(await getDb().user.count({ where: { email: "uma@example.com" } })).toBe(1);
    expect(fakeRequest.cookieJar.get("attune-sign-up-email")?.value).toBe("uma@example.com");
  });

  it("keeps a same-site next path (an invite) and drops an off-site one", async () => {
    expect(
      await redirectOf(
        signUpAction(null, toForm({ name: "V", email: "v@example.com", password: PASSWORD, next: "/invite/abc" })),
      ),
    ).toBe("redirect:/sign-in?created=1&next=%2Finvite%2Fabc");
    expect(
      await redirectOf(
        signUpAction(null, toForm({ name: "W", email: "w@example.com", password: PASSWORD, next: "//evil.example" })),
      ),
    ).toBe("redirect:/sign-in?created=1&next=%2Fonboarding");
  });

  it("answers a taken address exactly as a new one, changes nothing of that account, and tells its owner at sign-in", async () => {
    const owner = await makeUser("Olu");
    const rowBefore = await getDb().user.findUniqueOrThrow({ where: { id: owner.id } });
    const fresh = await redirectOf(
      signUpAction(null, toForm({ name: "New", email: "brand-new@example.com", password: "another long passphrase" })),
    );
    const freshCookie = fakeRequest.cookieJar.get("attune-sign-up-email")?.value;
    const taken = await redirectOf(
      signUpAction(null, toForm({ name: "Mallory", email: owner.email, password: "another long passphrase" })),
    );
    expect(taken).toBe(fresh);
    expect(freshCookie).toBe("brand-new@example.com");
    expect(fakeRequest.cookieJar.get("attune-sign-up-email")?.value).toBe(owner.email);
    const rowAfter = await getDb().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect({ ...rowAfter, signUpAttemptAt: null, updatedAt: null }).toEqual({
      ...rowBefore,
      signUpAttemptAt: null,
      updatedAt: null,
    });
    expect(rowAfter.signUpAttemptAt).not.toBeNull();
    // The attacker's password doesn't open the account.
    expect(await signInAction(null, toForm({ email: owner.email, password: "another long passphrase" }))).toMatchObject(
      {
        ok: false,
        code: "invalid",
      },
    );
    // The owner's next sign-in says so, once.
    const first = await redirectOf(signInAction(null, toForm({ email: owner.email, password: PASSWORD })));
    expect(first).toMatch(/^redirect:\/someone-tried\?at=[^&]+&next=%2Ftonight$/);
    expect(await redirectOf(signInAction(null, toForm({ email: owner.email, password: PASSWORD })))).toBe(
      "redirect:/tonight",
    );
  });

  it("throttles sign-up per client address, new and taken addresses alike, and not other addresses", async () => {
    const limit = signUpLimit().points;
    fakeRequest.headers = { "x-forwarded-for": "198.51.100.77" };
    for (let i = 0; i < limit; i++)
      await redirectOf(signUpAction(null, toForm({ name: "Bot", email: `bot${i}@example.com`, password: PASSWORD })));
    const before = await dumpTables();
    expect(
      await signUpAction(null, toForm({ name: "Bot", email: "one-more@example.com", password: PASSWORD })),
    ).toMatchObject({ ok: false, code: "throttled" });
    expect(await dumpTables()).toEqual(before);
    fakeRequest.headers = { "x-forwarded-for": "198.51.100.78" };
    expect(
      await redirectOf(signUpAction(null, toForm({ name: "Real", email: "real@example.com", password: PASSWORD }))),
    ).toBe("redirect:/sign-in?created=1&next=%2Fonboarding");
  });

  it.each([
    [{ name: "", email: "x@example.com", password: PASSWORD }],
    [{ name: "X", email: "nope", password: PASSWORD }],
    [{ name: "X", email: "x@example.com", password: "1234567" }],
    [{ name: "X", email: "x@example.com", password: "password" }],
    [{}],
  ])("refuses bad input %# with a message and writes nothing", async (input) => {
    const before = await dumpTables();
    const r = await signUpAction(null, toForm(input));
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys((r as { fieldErrors: object }).fieldErrors).length).toBeGreaterThan(0);
    expect(await dumpTables()).toEqual(before);
  });
});

describeAction("signInAction", () => {
  it("signs in and follows a same-site next path", async () => {
    const u = await makeUser("Xia");
    expect(
      await redirectOf(signInAction(null, toForm({ email: u.email, password: PASSWORD, next: "/household" }))),
    ).toBe("redirect:/household");
  });

  it("answers an unknown email and a wrong password with the same message", async () => {
    const u = await makeUser("Yan");
    // Throttle counters aside (rate_limits is left out of the dump), a refused sign-in writes nothing.
    const before = await dumpTables();
    const wrong = await signInAction(null, toForm({ email: u.email, password: "definitely wrong" }));
    const unknown = await signInAction(null, toForm({ email: "ghost@example.com", password: "definitely wrong" }));
    expect(wrong).toEqual({ ok: false, code: "invalid", message: "That email and password don't match an account." });
    expect(unknown).toEqual(wrong);
    expect(await dumpTables()).toEqual(before);
  });

  it("says so when throttled", async () => {
    const u = await makeUser("Zed");
    for (let i = 0; i < PAIR_LIMIT.points; i++)
      await signInAction(null, toForm({ email: u.email, password: "bad bad bad" }));
    expect(await signInAction(null, toForm({ email: u.email, password: PASSWORD }))).toMatchObject({
      ok: false,
      code: "throttled",
      message: expect.stringMatching(/wait/),
    });
  });

  it("handles missing fields without an error page", async () => {
    expect(await signInAction(null, toForm({}))).toMatchObject({ ok: false, code: "invalid" });
  });
});

describeAction("signOutAction", () => {
  it("signs this device out (public: needs no household) and writes nothing", async () => {
    const before = await dumpTables();
    expect(await redirectOf(signOutAction())).toBe("redirect:/sign-in");
    expect(await dumpTables()).toEqual(before);
  });

  it("keeps a same-site next path (an invite link) and drops an off-site one", async () => {
    expect(await redirectOf(signOutAction(toForm({ next: "/invite/abc" })))).toBe(
      "redirect:/sign-in?next=%2Finvite%2Fabc",
    );
    expect(await redirectOf(signOutAction(toForm({ next: "https://evil.example" })))).toBe("redirect:/sign-in");
  });
});

describeAction("signOutEverywhereAction", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await signInAs(null);
    const before = await dumpTables();
    expect(await signOutEverywhereAction(null, new FormData())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await dumpTables()).toEqual(before);
  });

  it("ends every session of the account and no other account's", async () => {
    const u = await makeUser("Ari");
    const other = await makeUser("Bea");
    await claimsOf(other);
    await signInAs(u);
    expect(await redirectOf(signOutEverywhereAction(null, new FormData()))).toBe(
      "redirect:/sign-in?signedOut=everywhere",
    );
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(1);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: other.id } })).sessionVersion).toBe(0);
    expect(await getDb().session.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    expect(await getDb().session.count({ where: { userId: other.id, revokedAt: null } })).toBe(1);
  });
});

describe("safe next paths", () => {
  it("only same-site paths are followed", async () => {
    const { safeNextPath } = await import("@/lib/safe-next");
    expect(safeNextPath("/household", "/x")).toBe("/household");
    for (const bad of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      42,
      undefined,
    ]) {
      expect(safeNextPath(bad, "/x")).toBe("/x");
    }
  });
});

describeAction("setThemeAction", () => {
  it("is public (a palette preference touches no account or household) and only sets a cookie", async () => {
    const { setThemeAction } = await import("@/lib/theme/actions");
    await signInAs(null);
    const before = await dumpTables();
    expect(await setThemeAction(null, toForm({ theme: "night" }))).toMatchObject({
      ok: true,
      data: { theme: "night" },
    });
    expect(fakeRequest.cookieJar.get("attune-theme")?.value).toBe("night");
    expect(await dumpTables()).toEqual(before);
  });

  it("refuses an unknown theme and sets nothing", async () => {
    const { setThemeAction } = await import("@/lib/theme/actions");
    expect(await setThemeAction(null, toForm({ theme: "<script>" }))).toMatchObject({ ok: false, code: "invalid" });
    expect(fakeRequest.cookieJar.get("attune-theme")).toBeUndefined();
  });
});

describeAction("signOutDeviceAction", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    const u = await makeUser("Cy");
    const sessionId = await openSession(u.id, "phone");
    await expectEndpointRefused(null, () => signOutDeviceAction(null, toForm({ sessionId })), "unauthenticated");
  });

  it("refuses another person's device: not found, and that session still works", async () => {
    const owner = await makeUser("Dee");
    const stranger = await makeUser("Eve");
    const victim = await claimsOf(owner);
    await expectEndpointRefused(
      stranger,
      () => signOutDeviceAction(null, toForm({ sessionId: victim.sessionId })),
      "not_found",
    );
    expect(await resolveActor(victim)).toMatchObject({ userId: owner.id });
  });

  it("refuses bad input without an error page", async () => {
    const u = await makeUser("Fay");
    for (const sessionId of ["", "nope", "00000000-0000-4000-8000-000000000000"])
      await expectEndpointRefused(u, () => signOutDeviceAction(null, toForm({ sessionId })), ["invalid", "not_found"]);
  });

  it("signs out one of my other devices; this one stays signed in", async () => {
    const u = await makeUser("Gus");
    await signInAs(u);
    const here = fakeRequest.claims!;
    const phone = { ...here, sessionId: await openSession(u.id, "Mozilla/5.0 (Linux; Android 14) Chrome/131.0") };
    expect(await resolveActor(phone)).toMatchObject({ userId: u.id });
    expect(await signOutDeviceAction(null, toForm({ sessionId: phone.sessionId }))).toMatchObject({ ok: true });
    expect(await resolveActor(phone)).toBeNull();
    expect(await resolveActor(here)).toMatchObject({ userId: u.id });
    expect(fakeRequest.revalidated).toContain("/settings");
  });
});
