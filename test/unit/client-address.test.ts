// The sign-in throttle's client address: the socket's peer, and X-Forwarded-For
// only as far as proxies named in ATTUNE_TRUSTED_PROXIES vouch for it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, trustedProxies } from "@/lib/auth/client-address";
import { stampPeerAddresses } from "@/lib/auth/peer-address";

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
