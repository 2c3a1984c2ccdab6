// POST /api/csp-report: public by design (browsers report violations from any
// page, signed in or not), so what is tested is that it is bounded: only
// report bodies, at most MAX_REPORT_BYTES, throttled per address, and nothing
// but csp_reports is ever written.
import { expect, it, vi } from "vitest";
import { POST } from "@/app/api/csp-report/route";
import { MAX_REPORT_BYTES, REPORT_LIMIT } from "@/lib/csp/report";
import { getDb } from "@/lib/db";
import { dumpTables, signInAs } from "../helpers/factories";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

let address = 0;
function post(body: string | ReadableStream<Uint8Array>, type = "application/reports+json", from?: string) {
  return POST(
    new Request("http://localhost/api/csp-report", {
      method: "POST",
      headers: { "content-type": type, "x-forwarded-for": from ?? `198.51.100.${++address}` },
      body,
      // @ts-expect-error Node's fetch needs it for a stream body
      duplex: "half",
    }),
  );
}

const reportingApi = (directive: string) =>
  JSON.stringify([
    {
      type: "csp-violation",
      url: "http://localhost/tonight",
      body: {
        documentURL: "http://localhost/tonight",
        blockedURL: "inline",
        effectiveDirective: directive,
        disposition: "enforce",
        sourceFile: "http://localhost/tonight",
        lineNumber: 12,
        sample: "alert(1)\u0000\uD83D",
      },
    },
  ]);

const without = (dump: Record<string, unknown[]>) => {
  const { csp_reports: _ignored, ...rest } = dump;
  return rest;
};

describeRoute(
  "POST /api/csp-report",
  () => {
    it("stores a Reporting API violation (text cleaned) and an old report-uri one, writing nothing else", async () => {
      await signInAs(null);
      const before = await dumpTables();
      expect((await post(reportingApi("script-src-elem"))).status).toBe(204);
      const legacy = JSON.stringify({
        "csp-report": {
          "document-uri": "http://localhost/",
          "violated-directive": "style-src",
          "blocked-uri": "inline",
        },
      });
      expect((await post(legacy, "application/csp-report")).status).toBe(204);
      const after = await dumpTables();
      expect(without(after)).toEqual(without(before));
      const rows = await getDb().cspReport.findMany({ where: { documentUri: { startsWith: "http://localhost/" } } });
      expect(rows.map((r) => [r.directive, r.sample]).sort()).toEqual(
        expect.arrayContaining([
          ["script-src-elem", "alert(1)"],
          ["style-src", null],
        ]),
      );
    });

    it("refuses what is not a report (wrong type, not JSON, wrong shape) with a 4xx and stores nothing", async () => {
      const before = await dumpTables();
      expect((await post(reportingApi("x"), "text/plain")).status).toBe(415);
      expect((await post("{not json")).status).toBe(400);
      expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(400);
      expect(
        (await post(JSON.stringify(Array.from({ length: 11 }, () => ({ type: "csp-violation", body: {} }))))).status,
      ).toBe(400);
      expect(await dumpTables()).toEqual(before);
    });

    it("refuses a body over the limit with 413, whatever Content-Length says (a stream)", async () => {
      const before = await dumpTables();
      expect((await post("x".repeat(MAX_REPORT_BYTES + 1))).status).toBe(413);
      const chunk = new TextEncoder().encode("y".repeat(4096));
      let sent = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent++;
          controller.enqueue(chunk);
        },
      });
      expect((await post(endless)).status).toBe(413);
      expect(sent).toBeLessThan(10);
      expect(await dumpTables()).toEqual(before);
    });

    it(`throttles an address after ${REPORT_LIMIT.perAddress} reports a minute (429)`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i <= REPORT_LIMIT.perAddress; i++)
        statuses.push((await post(reportingApi("img-src"), undefined, "192.0.2.99")).status);
      expect(statuses.slice(0, REPORT_LIMIT.perAddress).every((s) => s === 204)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Another address is not affected.
      expect((await post(reportingApi("img-src"), undefined, "192.0.2.100")).status).toBe(204);
    });
  },
  { public: "browsers report CSP violations from any page, signed in or not; bounded and throttled instead" },
);
