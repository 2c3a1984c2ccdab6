// Per-device sessions through Auth.js's real endpoints (its route handlers,
// called as Next would): the cookie a sign-in sets is copied, this device
// signs out, and the copy no longer resolves to anyone (#12 item 6). And the
// session cookie is not encrypted again on every read (#11 item 6).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { handlers } from "@/lib/auth/config";
import { jwtStats } from "@/lib/auth/jwt-memo";
import { resolveActor } from "@/lib/auth/session";
import { english } from "@/lib/i18n/english";
import { makeUser, PASSWORD } from "../helpers/factories";

const BASE = "http://localhost:3000";

class Browser {
  readonly jar = new Map<string, string>();
  constructor(readonly userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36") {}

  async fetch(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers({ "user-agent": this.userAgent, cookie: this.cookieHeader() });
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const req = new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers, body });
    const res = await (init.method === "POST" ? handlers.POST : handlers.GET)(req);
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  cookieHeader(): string {
    return [...this.jar].map(([n, v]) => `${n}=${v}`).join("; ");
  }

  async csrf(): Promise<string> {
    const res = await this.fetch("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrfToken = await this.csrf();
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      form: { csrfToken, email, password, callbackUrl: `${BASE}/tonight` },
    });
  }

  async signOut(): Promise<void> {
    const csrfToken = await this.csrf();
    await this.fetch("/api/auth/signout", { method: "POST", form: { csrfToken, callbackUrl: `${BASE}/sign-in` } });
  }

  /** What Auth.js reads from this cookie, then what our request context makes of it. */
  async actor() {
    const res = await this.fetch("/api/auth/session");
    const s = (await res.json()) as { user?: { id?: string }; sessionVersion?: number; sessionId?: string } | null;
    if (!s?.user?.id || typeof s.sessionVersion !== "number" || typeof s.sessionId !== "string") return null;
    return resolveActor({ userId: s.user.id, sessionVersion: s.sessionVersion, sessionId: s.sessionId });
  }
}

describe("per-device sessions, through Auth.js", () => {
  it("sign-in opens a session for this device; sign-out ends it, and a copied cookie stops working", async () => {
    const u = await makeUser("Hal");
    const phone = new Browser("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131.0 Mobile Safari/537.36");
    await phone.signIn(u.email, PASSWORD);
    const actor = await phone.actor();
    expect(actor).toMatchObject({ userId: u.id });
    const row = await getDb().session.findUniqueOrThrow({ where: { id: actor!.sessionId } });
    expect(row).toMatchObject({ userId: u.id, revokedAt: null });
    expect(english(row.device)).toBe("Chrome on Android");

    // Someone copies the cookie (a shared computer, a stolen backup).
    const thief = new Browser();
    for (const [n, v] of phone.jar) thief.jar.set(n, v);
    expect(await thief.actor()).toMatchObject({ userId: u.id });

    await phone.signOut();
    expect(await phone.actor()).toBeNull();
    expect(await thief.actor()).toBeNull();
    expect((await getDb().session.findUniqueOrThrow({ where: { id: actor!.sessionId } })).revokedAt).not.toBeNull();
  });

  it("two devices are two sessions: signing one out leaves the other signed in", async () => {
    const u = await makeUser("Ida");
    const phone = new Browser();
    const laptop = new Browser();
    await phone.signIn(u.email, PASSWORD);
    await laptop.signIn(u.email, PASSWORD);
    const [a, b] = [await phone.actor(), await laptop.actor()];
    expect(a!.sessionId).not.toBe(b!.sessionId);
    await phone.signOut();
    expect(await phone.actor()).toBeNull();
    expect(await laptop.actor()).toMatchObject({ userId: u.id });
  });

  it("reading an unchanged session does not encrypt the token again", async () => {
    const u = await makeUser("Jo");
    const phone = new Browser();
    await phone.signIn(u.email, PASSWORD);
    const cookie = phone.cookieHeader();
    const before = jwtStats();
    for (let i = 0; i < 20; i++) await phone.actor();
    const after = jwtStats();
    expect(after.encrypted - before.encrypted).toBe(0);
    expect(after.reused - before.reused).toBe(20);
    expect(phone.cookieHeader()).toBe(cookie);
  });
});
