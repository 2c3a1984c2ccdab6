import type { IncomingMessage, ServerResponse } from "node:http";
import { negotiateLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

// A server action's body over Next's limit (1 MB, experimental.serverActions
// .bodySizeLimit's default) makes Next answer 500 (its action handler throws a
// 413 ApiError and then sets 500; see the TODO in next/dist/server/app-render/
// action-handler.js). Bad input never gets a 500 here (#12): before Next sees
// an action post, each server process answers it itself: 413 when the declared
// length is over the limit, 411 when no length is declared (browsers always
// declare it for an action's form or fetch; only a hand-made chunked post
// lacks it). Nothing of the body is read, nothing is written. The words are
// the catalogue's, in the language of the request's Accept-Language (no
// session is read here: that would be a statement).

/** Next's own limit for a server action's body. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

type TRefusal = "lengthRequired" | "badLength" | "tooLarge";

const refuse = (req: IncomingMessage, res: ServerResponse, status: 411 | 413, refusal: TRefusal) => {
  const locale = negotiateLocale(req.headers["accept-language"]);
  const send = (message: string) => {
    res.writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "content-language": locale,
      "cache-control": "no-store",
      connection: "close",
    });
    res.end(message);
  };
  // The catalogue is a local file, loaded once per language; should it fail, the status says it all.
  translatorFor(locale).then(
    (t) => send(t(`app.request.${refusal}`)),
    () => send(""),
  );
};

/** True when the request was taken here (and must not reach Next); the answer follows at once. */
export function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    refuse(req, res, 411, "lengthRequired");
    return true;
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) {
    refuse(req, res, 413, "badLength");
    return true;
  }
  if (length > ACTION_BODY_LIMIT) {
    refuse(req, res, 413, "tooLarge");
    return true;
  }
  return false;
}
