// Where to go after signing in or up: only a path on this site. Pure, so the
// pages (which carry `next` along) and the actions (which redirect to it)
// share one rule.
//
// Checking the string's first characters is not enough: browsers strip tabs
// and newlines, treat "\" as "/", and resolve "/.//evil.example" to
// "//evil.example", a link to another site. So the value is read the way a
// browser reads it (the WHATWG URL parser), must stay on our origin, and what
// comes back is the normalised path and query, checked again.

const BASE = "http://attune.invalid";
const MAX = 500;

export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || next.length > MAX || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}`;
  // The normalised path must itself be a path here: "//x" would be another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}
