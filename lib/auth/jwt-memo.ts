import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

// Auth.js answers every auth() (each server render) by decoding the session
// cookie, running the jwt callback, and encrypting the token again to refresh
// its expiry, although a render cannot set the cookie and throws the new one
// away. That encryption was about 2 % of the server's CPU (#11 item 6). Here
// the decoded payload remembers the string it came from; when the jwt callback
// hands back that same, unchanged object and the token is younger than
// REISSUE_AFTER_SECONDS, the old string is the answer and nothing is
// encrypted. Where a response can carry the cookie (route handlers, actions),
// the expiry still rolls forward once a day.

export const REISSUE_AFTER_SECONDS = 24 * 60 * 60;

const issuedAs = new WeakMap<JWT, string>();
const stats = { encrypted: 0, reused: 0 };

/** How many tokens were encrypted and how many re-used (the bench reads these). */
export function jwtStats(): Readonly<typeof stats> {
  return { ...stats };
}

export async function decodeRemembering(params: JWTDecodeParams): Promise<JWT | null> {
  const payload = await decode(params);
  if (payload && params.token) issuedAs.set(payload, params.token);
  return payload;
}

export async function encodeUnlessUnchanged(params: JWTEncodeParams): Promise<string> {
  const previous = issuedAs.get(params.token as JWT);
  const iat = params.token?.iat;
  if (previous && typeof iat === "number" && Date.now() / 1000 - iat < REISSUE_AFTER_SECONDS) {
    stats.reused++;
    return previous;
  }
  stats.encrypted++;
  return encode(params);
}
