import "server-only";
import dns, { type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { allowLocalWebhooks, bareHost, refusedAddress, refusedHost } from "@/lib/webhooks/address";

// One POST of one delivery. node:http rather than fetch, for two reasons: it
// follows no redirects (a 3xx is an answer, not a new place to send the
// body), and its `lookup` hook lets us judge the very addresses we then
// connect to, so a name that resolves to a public address when checked and
// to 169.254.169.254 a moment later (DNS rebinding) can't slip through.

export const DELIVERY_TIMEOUT_MS = 10_000;

export type TPostResult = { statusCode: number } | { error: string; statusCode?: undefined };

class RefusedAddress extends Error {}

/** dns.lookup, refusing the whole name if any of its addresses is one we don't send to. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as unknown as LookupAddress[];
    const bad = allowLocalWebhooks() ? undefined : list.find((a) => refusedAddress(a.address));
    if (bad) return callback(new RefusedAddress(`${hostname} is ${refusedAddress(bad.address)}`), "", 4);
    if (!list.length) return callback(new Error(`${hostname} has no address`), "", 4);
    if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  });
};

export function postWebhook(rawUrl: string, body: string, headers: Record<string, string>): Promise<TPostResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return resolve({ error: "not a valid URL" });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return resolve({ error: "only http and https" });
    // A literal address never goes through `lookup`: judged here.
    const why = refusedHost(bareHost(url));
    if (why) return resolve({ error: `refused: ${url.hostname} is ${why}` });
    let settled = false;
    const done = (r: TPostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = (url.protocol === "https:" ? https : http).request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Attune-Webhooks/1", ...headers },
      lookup: guardedLookup,
      // A fresh connection each time: nothing kept open between deliveries.
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ error: `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` });
    }, DELIVERY_TIMEOUT_MS);
    req.on("response", (res) => {
      // Only the status counts: the body is not read (an endless one would hold the socket).
      res.destroy();
      done({ statusCode: res.statusCode ?? 0 });
    });
    req.on("error", (e) => {
      done({ error: e instanceof RefusedAddress ? `refused: ${e.message}` : e.message || "connection failed" });
    });
    req.end(body);
  });
}
