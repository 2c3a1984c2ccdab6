import { describe, expect, it } from "vitest";
import { isValidTimeZone, parseClock } from "@/lib/time/zone";
import { fieldErrorsOf, formToObject, ZEmail } from "@/lib/validation";
import { clientAddress } from "@/lib/auth/client-address";
import { hashInviteToken, newInviteToken } from "@/lib/household/invite-token";
import { httpStatusOf } from "@/lib/http";
import { formatClock } from "@/lib/format";

describe("time zones", () => {
  it("accepts IANA names and their aliases, refuses the rest", () => {
    for (const tz of ["Europe/Berlin", "America/Argentina/Buenos_Aires", "UTC", "Asia/Kolkata", "Asia/Calcutta"])
      expect(isValidTimeZone(tz), tz).toBe(true);
    for (const tz of ["", "Mars/Base", "+01:00", "GMT+25", "x".repeat(100), "Europe/Berlin; DROP"])
      expect(isValidTimeZone(tz), tz).toBe(false);
  });
});

describe("clock times", () => {
  it("round-trips HH:MM", () => {
    expect(parseClock("19:00")).toBe(1140);
    expect(parseClock("00:05")).toBe(5);
    expect(formatClock(420)).toBe("07:00");
    for (const bad of ["24:00", "7:00pm", "", "12:60", "1900"]) expect(parseClock(bad), bad).toBeNull();
  });
});

describe("input helpers", () => {
  it("drops React's $ACTION keys from form data", () => {
    const f = new FormData();
    f.set("$ACTION_ID_abc", "");
    f.set("$ACTION_REF_1", "");
    f.set("name", "Sam");
    expect(formToObject(f)).toEqual({ name: "Sam" });
  });

  it("normalises emails", () => {
    expect(ZEmail.parse("  Sam@Example.COM ")).toBe("sam@example.com");
    expect(ZEmail.safeParse("sam@").success).toBe(false);
  });

  it("field errors are keyed by field name", () => {
    const r = ZEmail.safeParse(1);
    expect(fieldErrorsOf(r.error!)).toHaveProperty("_form");
  });

  it("takes the first forwarded address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1, 10.0.0.1" }))).toBe("203.0.113.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("invite tokens are long, random, and stored only as a hash", () => {
    const a = newInviteToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newInviteToken()).not.toBe(a);
    expect(hashInviteToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("maps error codes to HTTP statuses, never 500", () => {
    expect(
      ["unauthenticated", "forbidden", "not_found", "conflict", "invalid", "throttled"].map((c) =>
        httpStatusOf(c as never),
      ),
    ).toEqual([401, 403, 404, 409, 400, 429]);
  });
});
