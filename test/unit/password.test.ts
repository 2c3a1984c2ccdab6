import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword, ZNewPassword, PASSWORD_MAX } from "@/lib/auth/password";
import { english } from "@/lib/i18n/english";

describe("password policy", () => {
  it("accepts 8 characters and long passphrases, with no composition rules", () => {
    expect(ZNewPassword.safeParse("zqxwvmpl").success).toBe(true);
    expect(ZNewPassword.safeParse("a".repeat(30) + " b c d e f g h i j k l m n o p q r s t").success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(64)).success).toBe(true);
  });

  it("refuses short, over-long and common passwords with a clear message", () => {
    expect(english(ZNewPassword.safeParse("short").error?.issues[0]?.message ?? "")).toMatch(/at least 8/);
    expect(english(ZNewPassword.safeParse("y".repeat(PASSWORD_MAX + 1)).error?.issues[0]?.message ?? "")).toMatch(
      /at most/,
    );
    for (const p of ["password", "12345678", "Password1", "iloveyou", "qwertyuiop"]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(english(ZNewPassword.safeParse(p).error?.issues[0]?.message ?? "")).toMatch(/most common/);
    }
  });

  it('says one thing at a time: a short password gets only "at least 8", however common it is', () => {
    for (const p of ["short", "1234", "pass", ""]) {
      const issues = ZNewPassword.safeParse(p).error?.issues ?? [];
      expect(
        issues.map((i) => english(i.message)),
        p,
      ).toEqual(["Use at least 8 characters."]);
    }
  });

  it("hashes with argon2id at m=19 MiB, t=2, p=1 and verifies", async () => {
    const h = await hashPassword("a long enough secret");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "a long enough secret")).toBe(true);
    expect(await verifyPassword(h, "a long enough secreT")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});
