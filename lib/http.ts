import type { TErrorCode } from "@/lib/errors";

export function httpStatusOf(code: TErrorCode): number {
  switch (code) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "throttled":
      return 429;
    case "invalid":
      return 400;
    case "network":
    case "unavailable":
      return 503;
  }
}

/** A request body read as text, refused once it passes `maxBytes` (whatever Content-Length claimed). */
export type TCappedBody = { ok: true; text: string } | { ok: false; status: 400 | 413 };

/**
 * Reads at most `maxBytes` of the body and stops there: a client sending more
 * (with or without a Content-Length) gets 413, never a server holding it all.
 */
export async function readTextCapped(request: Request, maxBytes: number): Promise<TCappedBody> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, status: 413 };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400 };
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
