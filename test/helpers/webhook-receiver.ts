// A local receiver for webhook deliveries: an http server on 127.0.0.1 that
// keeps what arrives and answers with the status a test chose. No vitest imports.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TWebhookReceived = { path: string; headers: http.IncomingHttpHeaders; body: string };

export async function startWebhookReceiver() {
  const received: TWebhookReceived[] = [];
  let status = 200;
  let headers: Record<string, string> = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status, headers).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    /** Answer every later request with `code` (and these headers). */
    answer(code: number, h: Record<string, string> = {}) {
      status = code;
      headers = h;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TWebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
