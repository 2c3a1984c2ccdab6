// The request hook's watch on action posts (lib/http/undecodable-action.ts),
// on a real HTTP server: a 500 for an action post whose action never started
// (Next could not decode the body) goes out as a plain 400; a 500 from an
// action that started, and everything else, goes out untouched. The fuzz run
// (e2e/csp-fuzz.spec.ts) checks the same against the production build.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markActionStarted, passWatchingActionDecoding } from "@/lib/http/undecodable-action";
import { CATALOGUES } from "../helpers/intl";

type THandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
const handlers = new Map<string, THandler>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) =>
    passWatchingActionDecoding(req, res, () => {
      void handlers.get(new URL(req.url ?? "/", "http://x").pathname)!(req, res);
      return true;
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Like Next: the decoding fails after an await, then a Flight error payload goes out as a 500. */
const undecodable: THandler = async (_req, res) => {
  await tick();
  res.statusCode = 500;
  res.setHeader("content-type", "text/x-component");
  res.write("0:E{digest}\n");
  res.end("1:more\n");
};

const post = (path: string, headers: Record<string, string> = { "next-action": "abc" }) =>
  fetch(base + path, { method: "POST", headers, body: "not json at all" });

describe("an action post Next could not decode", () => {
  it("is answered 400 in plain words, Next's payload dropped", async () => {
    handlers.set("/a", undecodable);
    const res = await post("/a");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe("We could not read this request. Reload the page and try again.");
  });

  it("says so in the language of Accept-Language, with the length of its bytes", async () => {
    handlers.set("/de", undecodable);
    const res = await post("/de", { "next-action": "abc", "accept-language": "de-CH, de;q=0.9" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-language")).toBe("de");
    const text = await res.text();
    expect(text).toBe((CATALOGUES.de as { app: { request: { unreadable: string } } }).app.request.unreadable);
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    const es = await post("/de", { "next-action": "abc", "accept-language": "es" });
    expect(await es.text()).toBe(
      (CATALOGUES.es as { app: { request: { unreadable: string } } }).app.request.unreadable,
    );
  });

  it("is answered 400 when the 500 comes by an explicit writeHead, and for a form post without the header", async () => {
    handlers.set("/b", async (_req, res) => {
      await tick();
      res.writeHead(500, { "content-type": "text/html" });
      res.end("<h1>500</h1>");
    });
    expect((await post("/b")).status).toBe(400);
    expect((await post("/b", { "content-type": "multipart/form-data; boundary=x" })).status).toBe(400);
  });

  it("keeps a 500 from an action that started: that is a bug of ours and must show", async () => {
    handlers.set("/c", async (req, res) => {
      await tick();
      markActionStarted();
      await undecodable(req, res);
    });
    const res = await post("/c");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("0:E{digest}\n1:more\n");
  });

  it("leaves successes, other methods and route handlers alone", async () => {
    handlers.set("/ok", (_req, res) => void res.end("fine"));
    handlers.set("/api/thing", undecodable);
    const ok = await post("/ok");
    expect([ok.status, await ok.text()]).toEqual([200, "fine"]);
    expect((await post("/api/thing")).status).toBe(500);
    handlers.set("/get", undecodable);
    expect((await fetch(base + "/get")).status).toBe(500);
  });

  it("keeps each request's mark to itself: one that started does not excuse another", async () => {
    handlers.set("/slow-started", async (req, res) => {
      markActionStarted();
      await tick();
      await tick();
      await undecodable(req, res);
    });
    const [started, notStarted] = await Promise.all([post("/slow-started"), post("/a")]);
    expect([started.status, notStarted.status]).toEqual([500, 400]);
  });
});
