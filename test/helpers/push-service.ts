// A local stand-in for a push service (FCM, Mozilla autopush…): an http
// server on 127.0.0.1 that receives what web-push sends and decrypts it with
// the subscription's keys, which the test made like a browser does (a P-256
// key pair and a 16-byte auth secret). Used by the push tests, the two-instance
// e2e test and the push benchmark. No vitest imports.
import { createECDH, randomBytes, type ECDH } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import ece from "http_ece";

export type TReceived = {
  device: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Decrypted JSON payload. */
  payload: Record<string, unknown>;
  /** Date.now() when it arrived. */
  at: number;
};

export type TTestDevice = { name: string; endpoint: string; p256dh: string; auth: string };

export async function startTestPushService(opts: { delayMs?: number } = {}) {
  const keys = new Map<string, { ecdh: ECDH; auth: Buffer }>();
  const statusOf = new Map<string, number>();
  const received: TReceived[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const device = decodeURIComponent((req.url ?? "").replace(/^\/push\//, ""));
      const k = keys.get(device);
      const status = statusOf.get(device) ?? (k ? 201 : 404);
      const reply = () => {
        res.writeHead(status).end();
      };
      if (status === 201 && k) {
        const body = Buffer.concat(chunks);
        const plain = ece.decrypt(body, {
          version: "aes128gcm",
          privateKey: k.ecdh,
          authSecret: k.auth.toString("base64url"),
        });
        received.push({
          device,
          headers: req.headers,
          body,
          payload: JSON.parse(plain.toString("utf8")),
          at: Date.now(),
        });
        for (const w of waiters.splice(0)) w();
      }
      if (opts.delayMs) setTimeout(reply, opts.delayMs);
      else reply();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    received,
    /** A browser's subscription: endpoint and keys, as PushSubscription.toJSON() gives them. */
    device(name: string): TTestDevice {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      keys.set(name, { ecdh, auth });
      return {
        name,
        endpoint: `http://127.0.0.1:${port}/push/${encodeURIComponent(name)}`,
        p256dh: ecdh.getPublicKey().toString("base64url"),
        auth: auth.toString("base64url"),
      };
    },
    /** Answer this device's pushes with `status` (410: gone, 500: try later). */
    answer(name: string, status: number) {
      statusOf.set(name, status);
    },
    async waitFor(count: number, timeoutMs = 10_000): Promise<TReceived[]> {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = until - Date.now();
        if (left <= 0) throw new Error(`expected ${count} pushes, got ${received.length}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
      return received;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type TTestPushService = Awaited<ReturnType<typeof startTestPushService>>;
