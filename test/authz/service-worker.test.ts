import { expect, it, vi } from "vitest";
import { dumpTables, signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

describeRoute(
  "GET /serwist/[path]",
  () => {
    it("serves the same service worker to anyone, reads no household and writes nothing", async () => {
      const { GET } = await import("@/app/serwist/[path]/route");
      await signInAs(null);
      const before = await dumpTables();
      const res = await GET(new Request("http://localhost/serwist/sw.js"), {
        params: Promise.resolve({ path: "sw.js" }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/javascript/);
      expect(res.headers.get("service-worker-allowed")).toBe("/");
      const body = await res.text();
      // The Tonight page cache and the offline fallback are in; nothing household-specific is.
      expect(body).toContain("attune-tonight");
      expect(body).toContain("/~offline");
      expect(await dumpTables()).toEqual(before);
    }, 60_000);
  },
  { public: "the service worker script: static, the same for everyone, built at `next build`" },
);
