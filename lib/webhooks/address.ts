import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { msg } from "@/lib/i18n/text";

// Where Attune will not send a webhook (server-side request forgery): the
// server itself (loopback, unspecified), link-local addresses (169.254/16,
// where clouds serve instance metadata and credentials), multicast and
// reserved ranges. LAN addresses (10/8, 172.16/12, 192.168/16, fc00::/7) are
// allowed: Home Assistant on the family's own network is the main receiver.
// Checked when a webhook is added (a literal address, "localhost") and again
// on every delivery against what the name resolves to then (lib/webhooks/deliver.ts).
// ATTUNE_WEBHOOK_ALLOW_LOCAL=1 lifts the rule (tests, a receiver on the same machine).

/**
 * Why, as message references (webhooks.address.*): the form says it in the
 * parent's language; a delivery's diagnostics (lib/webhooks/deliver.ts) keep
 * British English (english() in lib/i18n/english.ts is server-only, so they
 * use the English beside each key).
 */
const WHY = {
  unspecified: "an unspecified address",
  loopback: "this server's own (loopback) address",
  linkLocalMetadata: "a link-local address (cloud metadata lives there)",
  metadata: "a cloud metadata address",
  multicast: "a multicast address",
  reserved: "a reserved address",
  linkLocal: "a link-local address",
  notAnAddress: "not an address",
} as const;
type TWhy = keyof typeof WHY;

const RANGES: [string, number, "ipv4" | "ipv6", TWhy][] = [
  ["0.0.0.0", 8, "ipv4", "unspecified"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "linkLocalMetadata"],
  ["100.100.100.200", 32, "ipv4", "metadata"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  ["::", 128, "ipv6", "unspecified"],
  ["::1", 128, "ipv6", "loopback"],
  ["fe80::", 10, "ipv6", "linkLocal"],
  ["fd00:ec2::254", 128, "ipv6", "metadata"],
  ["ff00::", 8, "ipv6", "multicast"],
];

const LISTS = RANGES.map(([net, prefix, type, why]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, why };
});

function refusedAddressWhy(address: string): TWhy | null {
  const type = isIP(address);
  if (!type) return "notAnAddress";
  for (const { list, why } of LISTS) if (list.check(address, type === 4 ? "ipv4" : "ipv6")) return why;
  return null;
}

function refusedHostWhy(host: string): TWhy | null {
  if (allowLocalWebhooks()) return null;
  if (isIP(host)) return refusedAddressWhy(host);
  if (/^localhost\.?$|\.localhost\.?$/i.test(host)) return "loopback";
  return null;
}

export const allowLocalWebhooks = () => process.env.ATTUNE_WEBHOOK_ALLOW_LOCAL === "1";

/**
 * Why Attune won't connect to `address` (an IP), or null when it may. An
 * IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as IPv4.
 */
export function refusedAddress(address: string): string | null {
  const why = refusedAddressWhy(address);
  return why && WHY[why];
}

/** A URL's host without IPv6 brackets. */
export const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** What can be refused before any DNS: a literal address, or a name that always means this machine. */
export function refusedHost(host: string): string | null {
  const why = refusedHostWhy(host);
  return why && WHY[why];
}

const URL_MESSAGE = msg("webhooks.errors.url");

/** A webhook's URL as a parent types it: http or https, no password in it, not this server. */
export const ZWebhookUrl = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(2000, msg("webhooks.errors.urlTooLong", { max: 2000 }))
  .pipe(z.url({ protocol: /^https?$/, error: URL_MESSAGE }))
  .superRefine((value, ctx) => {
    if (!URL.canParse(value)) return; // the check above has said so
    const url = new URL(value);
    if (url.username || url.password)
      ctx.addIssue({
        code: "custom",
        message: msg("webhooks.errors.urlCredentials"),
      });
    const why = refusedHostWhy(bareHost(url));
    if (why)
      ctx.addIssue({
        code: "custom",
        message: msg("webhooks.errors.refusedHost", { why: msg(`webhooks.address.${why}`) }),
      });
  });
