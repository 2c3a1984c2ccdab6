import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const OK = { DATABASE_URL: "postgresql://u:p@localhost:5432/attune", AUTH_SECRET: "s".repeat(40) };

describe("environment", () => {
  it("applies defaults", () => {
    expect(parseEnv({ ...OK, NODE_ENV: "production" })).toMatchObject({ DB_POOL_MAX: 10, ATTUNE_LOG_QUERIES: "0" });
  });

  it("names every missing or malformed variable with a hint", () => {
    const message = (() => {
      try {
        parseEnv({ NODE_ENV: "production", DB_POOL_MAX: "lots" });
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/DATABASE_URL is missing/);
    expect(message).toMatch(/AUTH_SECRET is missing/);
    expect(message).toMatch(/DB_POOL_MAX/);
  });

  it("refuses a non-Postgres URL and a short secret", () => {
    expect(() => parseEnv({ ...OK, DATABASE_URL: "mysql://x" })).toThrow(/postgres/);
    expect(() => parseEnv({ ...OK, AUTH_SECRET: "short" })).toThrow(/32 characters/);
  });

  it("does not need AUTH_SECRET outside production (the launcher makes one)", () => {
    expect(() => parseEnv({ DATABASE_URL: OK.DATABASE_URL, NODE_ENV: "development" })).not.toThrow();
  });

  it("reads the mail settings: SMTP_URL optional (empty is unset), a sender by default", () => {
    expect(parseEnv(OK).SMTP_URL).toBeUndefined();
    expect(parseEnv(OK).MAIL_FROM).toBe("Attune <attune@localhost>");
    expect(parseEnv({ ...OK, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ ...OK, SMTP_URL: "smtps://u:p@mail.example:465" }).SMTP_URL).toBe("smtps://u:p@mail.example:465");
    expect(() => parseEnv({ ...OK, SMTP_URL: "mail.example" })).toThrow(/SMTP_URL/);
  });

  it("wants AUTH_URL in production once mail is sent, so links never come from a request's Host", () => {
    expect(() => parseEnv({ ...OK, NODE_ENV: "production", SMTP_URL: "smtp://mail.example:587" })).toThrow(
      /AUTH_URL is missing/,
    );
    expect(() =>
      parseEnv({
        ...OK,
        NODE_ENV: "production",
        SMTP_URL: "smtp://mail.example:587",
        AUTH_URL: "https://attune.example",
      }),
    ).not.toThrow();
  });
});
