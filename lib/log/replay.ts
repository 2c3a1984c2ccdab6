import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { householdAction, type TOperation } from "@/lib/context";
import { isAppError, NETWORK_MESSAGE, type AppError, type TErrorCode } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { deleteWaking, endWaking, reopenWaking, startWaking } from "@/lib/log/wakings";
import type { TActionKind } from "@/lib/log/receipts";

// The phone's queue of night-log taps, replayed in order (POST /api/log/replay,
// lib/offline/queue.ts). Each action runs through the same operation a tap
// online would, with its key and the instant it was tapped, so a replay of an
// action already done returns its first result and writes nothing.

export const MAX_REPLAY_ACTIONS = 50;
export const MAX_REPLAY_BYTES = 64 * 1024;

const KINDS = ["start", "end", "undoStart", "undoEnd", "tapOut", "answer"] as const satisfies readonly TActionKind[];

const ZField = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(20)]);

export const ZReplayBody = z.object({
  householdId: z.string().max(100),
  actions: z
    .array(
      z.object({
        key: z.uuid(),
        kind: z.enum(KINDS),
        tappedAt: z.string().max(64),
        fields: z.record(z.string().max(64), ZField).optional(),
      }),
    )
    .max(MAX_REPLAY_ACTIONS),
});

export type TReplayBody = z.infer<typeof ZReplayBody>;

/**
 * One action's outcome: what the operation answered, or its typed refusal
 * (`message`: a message reference, lib/i18n/text.ts, or plain text). `retry`
 * means "keep it and send it again".
 */
export type TReplayOutcome = { key: string } & (
  { ok: true; data: unknown } | { ok: false; code: TErrorCode; message: string; retry?: boolean }
);

/**
 * A refusal the phone should take as the answer (and drop the tap): the
 * operation said no. "unavailable" is not one: the database could not be
 * reached or had no connection free in time (lib/db.ts maps those to
 * DatabaseUnavailable), so the tap must stay queued and come again, like any
 * other failure that is not the phone's doing. It used to be taken as final,
 * and the replay bench lost taps under load because of it.
 */
export function isFinalRefusal(e: unknown): e is AppError {
  return isAppError(e) && e.code !== "unavailable";
}

const OPERATIONS: Record<TActionKind, TOperation<unknown>> = {
  start: startWaking,
  end: endWaking,
  undoStart: deleteWaking,
  undoEnd: reopenWaking,
  tapOut: requestTapOut,
  answer: answerTapOut,
};

/** Membership of the household named, before anything is run (401 / 403 as for every route). */
const replayAccess = householdAction(z.object({ householdId: ZId }), {}, async () => undefined);

export async function replayActions(actor: TActor | null, body: TReplayBody): Promise<TReplayOutcome[]> {
  await replayAccess(actor, { householdId: body.householdId });
  const out: TReplayOutcome[] = [];
  for (const [i, a] of body.actions.entries()) {
    try {
      const input = { ...a.fields, householdId: body.householdId, clientKey: a.key, tappedAt: a.tappedAt };
      out.push({ key: a.key, ok: true, data: await OPERATIONS[a.kind](actor, input) });
    } catch (e) {
      if (isFinalRefusal(e)) {
        // A message reference (lib/i18n/text.ts): the route says it in the asker's language.
        out.push({ key: a.key, ok: false, code: e.code, message: e.text });
        continue;
      }
      // Not the phone's fault (the database went away, or no connection came
      // free in time): this one and the rest wait on the phone and come again, in order.
      if (!isAppError(e)) console.error("replay: action failed", e);
      for (const rest of body.actions.slice(i))
        out.push({
          key: rest.key,
          ok: false,
          code: "network",
          message: NETWORK_MESSAGE,
          retry: true,
        });
      break;
    }
  }
  return out;
}
