import type { TSessionClaims } from "@/lib/auth/claims";

export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

type TCookie = { name: string; value: string };

class CookieJar {
  private jar = new Map<string, string>();
  get(name: string): TCookie | undefined {
    const value = this.jar.get(name);
    return value === undefined ? undefined : { name, value };
  }
  getAll(): TCookie[] {
    return [...this.jar].map(([name, value]) => ({ name, value }));
  }
  has(name: string) {
    return this.jar.has(name);
  }
  set(name: string | TCookie, value?: string) {
    if (typeof name === "object") this.jar.set(name.name, name.value);
    else this.jar.set(name, value ?? "");
  }
  delete(name: string) {
    this.jar.delete(name);
  }
}

/** What the current fake request carries: who the session cookie says is asking, and so on. */
export const fakeRequest = {
  claims: null as TSessionClaims | null,
  headers: { "x-forwarded-for": "203.0.113.7" } as Record<string, string>,
  cookieJar: new CookieJar(),
  revalidated: [] as string[],
  reset() {
    this.claims = null;
    this.headers = { "x-forwarded-for": "203.0.113.7" };
    this.cookieJar = new CookieJar();
    this.revalidated = [];
  },
};
