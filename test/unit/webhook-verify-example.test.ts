// The verification example people copy (docs/webhooks.md, /developers) runs in
// plain Node and accepts what the worker signs, and refuses a changed body,
// the wrong secret and an old time.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signatureHeader } from "@/lib/webhooks/sign";
import { VERIFY_EXAMPLE } from "@/lib/webhooks/verify-example";

const root = path.resolve(import.meta.dirname, "../..");

function runExample(body: string, header: string, secret: string): boolean {
  const script = `${VERIFY_EXAMPLE}\nprocess.stdout.write(String(verifyAttune(${JSON.stringify(body)}, ${JSON.stringify(header)}, ${JSON.stringify(secret)})));`;
  return execFileSync(process.execPath, ["--input-type=module"], { input: script, encoding: "utf8" }) === "true";
}

describe("the webhook verification example", () => {
  it("accepts a real signature and refuses tampering, a wrong secret and a replay from long ago", () => {
    const secret = "whsec_abc";
    const body = JSON.stringify({ id: "d1", type: "waking.started", data: { babyName: "Zoë" } });
    const now = Math.floor(Date.now() / 1000);
    expect(runExample(body, signatureHeader(secret, body, now), secret)).toBe(true);
    expect(runExample(body.replace("Zoë", "Zoe"), signatureHeader(secret, body, now), secret)).toBe(false);
    expect(runExample(body, signatureHeader(secret, body, now), "whsec_other")).toBe(false);
    expect(runExample(body, signatureHeader(secret, body, now - 3600), secret)).toBe(false);
  });

  it("is the one docs/webhooks.md shows", async () => {
    const doc = await readFile(path.join(root, "docs/webhooks.md"), "utf8");
    expect(doc).toContain(VERIFY_EXAMPLE);
  });
});
