import { expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

// The household page's read (formerly GET /api/household/overview) is now
// server-rendered only; its refusals are in household-actions.test.ts.

describeRoute(
  "GET /api/health",
  () => {
    it("is public and reports the database", async () => {
      await signInAs(null);
      const res = await health();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok", database: "ok" });
    });
  },
  { public: "for load balancers: says only whether the database answers" },
);
