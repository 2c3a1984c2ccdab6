// The sign-in throttle's client address: the socket's peer, and X-Forwarded-For
// only as far as proxies named in ATTUNE_TRUSTED_PROXIES vouch for it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, trustedProxies } from "@/lib/auth/client-address";
import { stampPeerAddresses } from "@/lib/auth/peer-address";
import { ACTION_BODY_LIMIT } from "@/lib/http/action-body-limit";
import { CATALOGUES } from "../helpers/intl";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  it("believes the socket, not a header the client wrote", () => {
    const forged = h({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(forged, trustedProxies(""))).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, takes the hop that proxy saw; a forged prefix doesn't help", () => {
    const trusted = trustedProxies("10.0.0.2, 10.0.0.3");
    // The client forged "1.2.3.4"; the proxy appended the real client, 203.0.113.9.
    const viaProxy = h({ [PEER_HEADER]: "::ffff:10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(clientAddress(viaProxy, trusted)).toBe("203.0.113.9");
    // Two trusted proxies in a row.
    const twoHops = h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.3" });
    expect(clientAddress(twoHops, trusted)).toBe("203.0.113.9");
    // The same header from an untrusted peer is ignored.
    expect(clientAddress(h({ [PEER_HEADER]: "192.0.2.7", "x-forwarded-for": "203.0.113.9" }), trusted)).toBe(
      "192.0.2.7",
    );
  });

  it("each HTTP server process stamps the real peer over anything the client sent under our header", async () => {
    stampPeerAddresses();
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
      });
      const seen = (await res.json()) as Record<string, string>;
      expect(seen[PEER_HEADER]).toMatch(/127\.0\.0\.1$/);
      expect(clientAddress(new Headers(seen), trustedProxies(""))).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});

describe("an oversized server action post", () => {
  it("is answered 413 (or 411 without a length) before the app sees it; other requests pass", async () => {
    stampPeerAddresses();
    let reached = 0;
    const server = http.createServer((req, res) => {
      reached++;
      req.resume();
      req.on("end", () => res.end("app"));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const post = (headers: Record<string, string | number>, body?: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/notes", headers }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        req.end(body);
      });
    try {
      const big = await post({ "next-action": "abc", "content-length": ACTION_BODY_LIMIT + 1 });
      expect(big.status).toBe(413);
      expect(big.text).toMatch(/too large/);
      // In the language of Accept-Language, from the catalogue.
      const german = await post({
        "next-action": "abc",
        "content-length": ACTION_BODY_LIMIT + 1,
        "accept-language": "de",
      });
      expect(german.status).toBe(413);
      expect(german.text).toBe((CATALOGUES.de as { app: { request: { tooLarge: string } } }).app.request.tooLarge);
      const chunked = await post({ "next-action": "abc", "transfer-encoding": "chunked" }, "x");
      expect(chunked.status).toBe(411);
      expect(reached).toBe(0);
      // Within the limit, and posts that are not actions, reach the app.
      expect((await post({ "next-action": "abc", "content-length": 2 }, "ok")).status).toBe(200);
      expect((await post({ "transfer-encoding": "chunked" }, "a form that is not an action")).status).toBe(200);
      expect(reached).toBe(2);
    } finally {
      server.close();
    }
  });
});
