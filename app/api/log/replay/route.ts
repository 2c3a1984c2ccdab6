import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { runDomain } from "@/lib/action";
import { httpStatusOf } from "@/lib/http";
import { msg, resolveText } from "@/lib/i18n/text";
import { localeOf } from "@/lib/i18n/request";
import { translatorFor } from "@/lib/i18n/translate";
import type { TActor } from "@/lib/auth/actor";
import { MAX_REPLAY_BYTES, replayActions, ZReplayBody } from "@/lib/log/replay";

export const dynamic = "force-dynamic";

/** lib/'s words (message references) in the asker's language: their choice, else their browser's. */
async function wordsFor(actor: TActor | null): Promise<(s: string) => string> {
  const t = await translatorFor(await localeOf(actor));
  return (s) => resolveText(t, s);
}

async function refuse(actor: TActor | null, status: number, code: string, error: string) {
  const text = await wordsFor(actor);
  return Response.json({ error: text(error), code }, { status, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * The phone's queue of night-log taps (lib/offline/queue.ts): at most 50
 * actions, run in order; each one's result or typed refusal comes back, by key.
 */
export async function POST(request: Request) {
  const actor = await currentActor();
  if (!actor) return refuse(null, 401, "unauthenticated", msg("errors.signInAgain"));
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_REPLAY_BYTES) return refuse(actor, 413, "invalid", msg("log.replay.tooMany"));
  let text: string;
  try {
    text = await request.text();
  } catch {
    return refuse(actor, 400, "invalid", msg("log.replay.unreadable"));
  }
  if (text.length > MAX_REPLAY_BYTES) return refuse(actor, 413, "invalid", msg("log.replay.tooMany"));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(actor, 400, "invalid", msg("log.replay.notJson"));
  }
  const body = ZReplayBody.safeParse(json);
  if (!body.success) return refuse(actor, 400, "invalid", msg("log.replay.notUnderstood"));
  const result = await runDomain(() => replayActions(actor, body.data), actor);
  // runDomain has already put a refusal into the asker's language: plain text passes through.
  if (!result.ok) return refuse(actor, httpStatusOf(result.code), result.code, result.message);
  if (result.data.some((r) => r.ok)) for (const p of ["/tonight", "/nights"]) revalidatePath(p);
  // Each refused action's words, in the asker's language.
  const words = await wordsFor(actor);
  const results = result.data.map((r) => (r.ok ? r : { ...r, message: words(r.message) }));
  return Response.json({ results }, { headers: { "Cache-Control": "private, no-store" } });
}
