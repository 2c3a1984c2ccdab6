import type { IncomingMessage, ServerResponse } from "node:http";

// A server action's body over Next's limit (1 MB, experimental.serverActions
// .bodySizeLimit's default) makes Next answer 500 (its action handler throws a
// 413 ApiError and then sets 500; see the TODO in next/dist/server/app-render/
// action-handler.js). Bad input never gets a 500 here (#12): before Next sees
// an action post, each server process answers it itself: 413 when the declared
// length is over the limit, 411 when no length is declared (browsers always
// declare it for an action's form or fetch; only a hand-made chunked post
// lacks it). Nothing of the body is read, nothing is written.

/** Next's own limit for a server action's body. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

const refuse = (res: ServerResponse, status: 411 | 413, message: string) => {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(message);
};

/** True when the request was answered here (and must not reach Next). */
export function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    refuse(res, 411, "This request must say how long it is (Content-Length).");
    return true;
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) {
    refuse(res, 413, "This request's length is not a number we accept.");
    return true;
  }
  if (length > ACTION_BODY_LIMIT) {
    refuse(res, 413, "That is too large to send (the limit is 1 MB). Shorten it and try again.");
    return true;
  }
  return false;
}
