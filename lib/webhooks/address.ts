import { BlockList, isIP } from "node:net";
import { z } from "zod";

// Where Attune will not send a webhook (server-side request forgery): the
// server itself (loopback, unspecified), link-local addresses (169.254/16,
// where clouds serve instance metadata and credentials), multicast and
// reserved ranges. LAN addresses (10/8, 172.16/12, 192.168/16, fc00::/7) are
// allowed: Home Assistant on the family's own network is the main receiver.
// Checked when a webhook is added (a literal address, "localhost") and again
// on every delivery against what the name resolves to then (lib/webhooks/deliver.ts).
// ATTUNE_WEBHOOK_ALLOW_LOCAL=1 lifts the rule (tests, a receiver on the same machine).

const RANGES: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "an unspecified address"],
  ["127.0.0.0", 8, "ipv4", "this server's own (loopback) address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address (cloud metadata lives there)"],
  ["100.100.100.200", 32, "ipv4", "a cloud metadata address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "an unspecified address"],
  ["::1", 128, "ipv6", "this server's own (loopback) address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["fd00:ec2::254", 128, "ipv6", "a cloud metadata address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

const LISTS = RANGES.map(([net, prefix, type, why]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, why };
});

export const allowLocalWebhooks = () => process.env.ATTUNE_WEBHOOK_ALLOW_LOCAL === "1";

/**
 * Why Attune won't connect to `address` (an IP), or null when it may. An
 * IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as IPv4.
 */
export function refusedAddress(address: string): string | null {
  const type = isIP(address);
  if (!type) return "not an address";
  for (const { list, why } of LISTS) if (list.check(address, type === 4 ? "ipv4" : "ipv6")) return why;
  return null;
}

/** A URL's host without IPv6 brackets. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** What can be refused before any DNS: a literal address, or a name that always means this machine. */
export function refusedHost(host: string): string | null {
  if (allowLocalWebhooks()) return null;
  if (isIP(host)) return refusedAddress(host);
  if (/^localhost\.?$|\.localhost\.?$/i.test(host)) return "this server's own (loopback) address";
  return null;
}

const URL_MESSAGE =
  "Enter the address that receives the events, starting with https:// (or http:// on your own network).";

/** A webhook's URL as a parent types it: http or https, no password in it, not this server. */
export const ZWebhookUrl = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(2000, "Keep the address to 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: URL_MESSAGE }))
  .superRefine((value, ctx) => {
    if (!URL.canParse(value)) return; // the check above has said so
    const url = new URL(value);
    if (url.username || url.password)
      ctx.addIssue({
        code: "custom",
        message: "Leave the user name and password out of the address: deliveries are signed instead.",
      });
    const why = refusedHost(bareHost(url));
    if (why) ctx.addIssue({ code: "custom", message: `Attune doesn't send webhooks to ${why}.` });
  });
