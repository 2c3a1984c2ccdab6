import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hstsHeader, newNonce, reportingEndpoints } from "@/lib/csp/policy";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));

describe("content security policy", () => {
  it("allows only nonced scripts and what they load; no eval, no inline, outside dev", () => {
    const d = directives(contentSecurityPolicy("abc123"));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(contentSecurityPolicy("abc123")).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script/);
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("locks framing, base, forms, objects, connections and workers to the site", () => {
    const d = directives(contentSecurityPolicy("n"));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("worker-src")).toEqual(["'self'"]);
    expect(d.get("manifest-src")).toEqual(["'self'"]);
    expect(d.get("style-src-elem")).toEqual(["'self'", "'nonce-n'"]);
    expect(d.get("report-to")).toEqual(["csp"]);
    expect(reportingEndpoints()).toBe('csp="/api/csp-report"');
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("sends HSTS only behind TLS or when asked", () => {
    expect(hstsHeader({ AUTH_URL: "https://attune.example" })).toBe("max-age=63072000; includeSubDomains");
    expect(hstsHeader({ ATTUNE_HSTS: "1" })).toBe("max-age=63072000; includeSubDomains");
    expect(hstsHeader({ AUTH_URL: "http://localhost:3000" })).toBeNull();
    expect(hstsHeader({})).toBeNull();
  });
});
