import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { negotiateLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

// A server action post whose body Next cannot decode (not React's reply
// encoding, a broken multipart, a body that is not JSON) makes Next answer
// 500 before any of our code runs: its action handler catches the decoding
// error with the same branch as a bug in the action (see the TODO in
// next/dist/server/app-render/action-handler.js). Bad input never gets a 500
// (#12), so each server process follows every action post: our actions say
// when they start (markActionStarted, called by serverAction and the four
// public actions), and a 500 for a post whose action never started is
// answered as what it is, a body we could not read: 400, in plain words (the
// catalogue's, in the language of the request's Accept-Language).
// A 500 from an action that did start is a bug of ours and stays a 500.

type TActionPost = { started: boolean };

// On globalThis: instrumentation.ts and the app's route bundles load separate
// copies of this module, and both must see one store.
const KEY = Symbol.for("attune.actionPost");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<TActionPost> | undefined>;
const posts = (g[KEY] ??= new AsyncLocalStorage<TActionPost>());

/** Called first thing by every server action: from here on, a 500 is ours. */
export function markActionStarted(): void {
  const post = posts.getStore();
  if (post) post.started = true;
}

/** A post that Next may take as a server action: any POST to a page (route handlers under /api answer their own). */
function isActionPost(req: IncomingMessage): boolean {
  const path = req.url ?? "/";
  return req.method === "POST" && !path.startsWith("/api/") && !path.startsWith("/_next/");
}

/** The 400's words in the request's language ("" should the catalogue fail to load: the status says it). */
function messageFor(req: IncomingMessage): Promise<{ locale: string; text: string }> {
  const locale = negotiateLocale(req.headers["accept-language"]);
  return translatorFor(locale).then(
    (t) => ({ locale, text: t("app.request.unreadable") }),
    () => ({ locale, text: "" }),
  );
}

/**
 * For the process's request hook (lib/auth/peer-address.ts): hands the
 * request to Next through `pass`, watching an action post's status.
 */
export function passWatchingActionDecoding(req: IncomingMessage, res: ServerResponse, pass: () => boolean): boolean {
  if (!isActionPost(req)) return pass();
  const post: TActionPost = { started: false };
  const { writeHead, write, end } = res;
  let replaced = false;
  /** Before the first byte of a 500 for an action that never started: answer 400 instead, once. */
  const replace = (status: number): boolean => {
    if (replaced) return true;
    if (status !== 500 || post.started || res.headersSent) return false;
    replaced = true;
    // Whatever Next writes from here on is dropped; the 400 goes out once its words are ready.
    void messageFor(req).then(({ locale, text }) => {
      if (res.headersSent || res.writableEnded) return;
      for (const name of res.getHeaderNames()) if (name !== "set-cookie") res.removeHeader(name);
      Reflect.apply(writeHead, res, [
        400,
        {
          "content-type": "text/plain; charset=utf-8",
          "content-language": locale,
          "cache-control": "no-store",
          "content-length": Buffer.byteLength(text),
        },
      ]);
      Reflect.apply(end, res, [text]);
    });
    return true;
  };
  // Next's error payload (a Flight stream or its 500 page) is dropped; the status is decided
  // at the first writeHead, write or end, whichever comes first (Node's implicit header goes
  // through writeHead too).
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    return replace(status) ? this : (Reflect.apply(writeHead, this, [status, ...rest]) as ServerResponse);
  } as ServerResponse["writeHead"];
  const swallowed = (args: unknown[]) => {
    const done = args.find((a) => typeof a === "function") as (() => void) | undefined;
    if (done) res.once("finish", () => done());
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replace(this.statusCode)) return Reflect.apply(write, this, args) as boolean;
    swallowed(args);
    return true;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!replace(this.statusCode)) return Reflect.apply(end, this, args) as ServerResponse;
    swallowed(args);
    return this;
  } as ServerResponse["end"];
  return posts.run(post, pass);
}
