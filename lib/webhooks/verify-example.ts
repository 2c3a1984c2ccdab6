// How a receiver checks a delivery, in plain Node: shown on /developers and in
// docs/webhooks.md, and run by test/unit/webhook-verify-example.test.ts
// against a real signature, so the example people copy is known to work.
export const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

// body: the request body exactly as received (a string, before JSON.parse).
// header: the Attune-Signature header. secret: the webhook's "whsec_…" secret.
function verifyAttune(body, header, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=")));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${t}.\${body}\`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
