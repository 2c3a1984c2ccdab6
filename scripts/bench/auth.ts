// Signing in through Auth.js's own endpoints, as a browser would: fetch a CSRF
// token (double-submit: JSON token + cookie), then post the credentials form.
// Node's fetch keeps no cookies, hence the tiny jar.
import { BenchError } from "./error.ts";

/** Session cookie names: plain over http, `__Secure-` in production; chunked (`.0`, `.1`) when large. */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export class CookieJar {
  private cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = setCookie.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*(0|-)/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(filter: (name: string) => boolean = () => true): string {
    return [...this.cookies]
      .filter(([n]) => filter(n))
      .map(([n, v]) => `${n}=${v}`)
      .join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}

export type TCredentialsAttempt = { status: number; location: string; ms: number };

/** A CSRF token with its cookie, reusable for many posts (it is not single-use). */
export async function csrf(base: string): Promise<{ token: string; jar: CookieJar }> {
  const jar = new CookieJar();
  const res = await fetch(`${base}/api/auth/csrf`);
  jar.absorb(res);
  const body = (await res.json().catch(() => ({}))) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken)
    throw new BenchError(`GET /api/auth/csrf answered ${res.status} without a csrfToken`);
  return { token: body.csrfToken, jar };
}

/**
 * One post to the credentials callback, timed from send to the end of the body.
 * `address` goes in X-Forwarded-For, which the app's throttle keys on: the
 * bench server trusts its loopback peer as a proxy (ATTUNE_TRUSTED_PROXIES).
 */
export async function postCredentials(
  base: string,
  session: { token: string; jar: CookieJar },
  input: { email: string; password: string; address: string },
): Promise<TCredentialsAttempt> {
  const body = new URLSearchParams({
    csrfToken: session.token,
    email: input.email,
    password: input.password,
    callbackUrl: `${base}/household`,
  });
  const started = performance.now();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: session.jar.header(),
      "x-forwarded-for": input.address,
    },
    body,
  });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  session.jar.absorb(res);
  return { status: res.status, location: res.headers.get("location") ?? "", ms };
}

/** Signs in and returns the Cookie header carrying just the session. */
export async function signIn(base: string, email: string, password: string, address: string): Promise<string> {
  const session = await csrf(base);
  const attempt = await postCredentials(base, session, { email, password, address });
  const cookie = session.jar.header((n) => SESSION_COOKIE.test(n));
  if (!cookie) {
    throw new BenchError(
      `Sign-in as ${email} gave no session cookie (status ${attempt.status}, location ${attempt.location || "none"}, ` +
        `cookies: ${session.jar.names().join(", ") || "none"})`,
    );
  }
  return cookie;
}

/** A failed attempt redirects to the sign-in page with `code=invalid`, or `code=throttled` once blocked. */
export function refusalCode(attempt: TCredentialsAttempt): string | null {
  if (attempt.status < 300 || attempt.status >= 400 || !attempt.location) return null;
  return new URL(attempt.location, "http://x").searchParams.get("code");
}
