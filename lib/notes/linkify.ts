// Notes are plain text. This splits one into text and http(s) links, so a
// component can render both as React children (escaped by React) without ever
// building HTML. Anything that is not exactly http:// or https:// followed by
// a host stays text: javascript:, data:, vbscript:, "http:/x", look-alikes
// with odd characters in the scheme. Pure, shared by server and client.

export type TSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A scheme at a word boundary, then a run of characters that can't end a URL
// in prose. Only ASCII letters may spell the scheme, so "httрs" (Cyrillic р)
// or "h\u200Bttp" are never links.
const URL_RE =
  /(?<![A-Za-z0-9+.-])https?:\/\/[^\s<>"'`\u0000-\u001f\u007f\u00a0\u2000-\u200f\u2028-\u202f\u2060\ufeff]+/gi;

// Trailing punctuation usually belongs to the sentence, not the link.
const TRAILING = ".,;:!?)]}'\"»";

/** Drops sentence punctuation from the end, but keeps a ")" that closes a "(" inside the URL (Wikipedia). */
function trimUrl(raw: string): string {
  let url = raw;
  while (url.length) {
    const ch = url[url.length - 1]!;
    if (!TRAILING.includes(ch)) break;
    if (ch === ")" && (url.match(/\(/g) ?? []).length >= (url.match(/\)/g) ?? []).length) break;
    url = url.slice(0, -1);
  }
  return url;
}

/** The link's target if it is a well-formed http(s) URL with a host, else null. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname) return null;
  // Credentials in a link ("https://bank.com@evil.example") are a phishing trick.
  if (url.username || url.password) return null;
  return url.href;
}

/** Splits plain text into text and link segments; joined, the texts give back the input exactly. */
export function linkify(text: string): TSegment[] {
  const out: TSegment[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.kind === "text") prev.text += t;
    else out.push({ kind: "text", text: t });
  };
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    const candidate = trimUrl(m[0]);
    const href = safeHref(candidate);
    push(text.slice(last, start));
    if (href) out.push({ kind: "link", text: candidate, href });
    else push(candidate);
    last = start + candidate.length;
  }
  push(text.slice(last));
  return out;
}
