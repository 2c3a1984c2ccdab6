import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { TPushPayload } from "@/lib/push/payload";
import type { TPushKind } from "@/lib/push/rules";
import { READER_SELECT, readerOf, wordsFor, type TReader } from "@/lib/push/words";

// Producing pushes: rows in push_outbox, written inside the transaction of
// the change they tell about (so a rolled-back change sends nothing), next to
// the live event the same change publishes. The worker (lib/push/worker.ts)
// sends them after commit. Rows are written only for caregivers with at least
// one device, so households without push cost one small read. Each push is
// written in its recipient's language (lib/push/words.ts), read in that same read.

/** Wakes the workers of every instance at commit (they also poll). */
export const PUSH_CHANNEL = "attune_push";

type TBy = { caregiverId: string; name: string };

/**
 * `at`: when it happened (the operation's `now`). The row is due from then,
 * or from now if `at` is later (a test clock pinned ahead, lib/clock.ts).
 */
export type TPushEvent =
  | { kind: "tapout"; householdId: string; tapOutId: string; by: TBy; at: Date }
  | { kind: "tapout-answer"; householdId: string; tapOutId: string; answer: "coming" | "cant"; by: TBy; at: Date }
  | { kind: "swap"; householdId: string; swapId: string; by: TBy; timeZone: string; at: Date };

export type TOutboxRow = {
  householdId: string;
  recipientId: string;
  kind: TPushKind;
  payload: TPushPayload;
  dedupeKey: string;
  urgency: "very-low" | "low" | "normal" | "high";
  ttl: number;
  dueAt: Date;
};

/** A tap-out is about the next few minutes: a phone that comes back online later shouldn't ring. */
export const TAPOUT_TTL_SECONDS = 5 * 60;

export async function enqueuePush(tx: Tx, event: TPushEvent): Promise<void> {
  const at = new Date(Math.min(event.at.getTime(), Date.now()));
  const rows = await rowsFor(tx, { ...event, at });
  if (rows.length) await writeOutbox(tx, rows);
}

async function rowsFor(tx: Tx, e: TPushEvent): Promise<TOutboxRow[]> {
  switch (e.kind) {
    case "tapout": {
      const partners = await withDevices(tx, e.householdId, { not: e.by.caregiverId });
      return Promise.all(
        partners.map(async ({ recipientId, reader }): Promise<TOutboxRow> => {
          const { say } = await wordsFor(reader);
          return {
            householdId: e.householdId,
            dueAt: e.at,
            recipientId,
            kind: "tapout",
            dedupeKey: `tapout:${e.tapOutId}:${recipientId}`,
            urgency: "high",
            ttl: TAPOUT_TTL_SECONDS,
            payload: {
              kind: "tapout",
              title: say("push.tapout.title", { name: e.by.name }),
              body: say("push.tapout.body"),
              tag: `tapout-${e.tapOutId}`,
              url: `/tonight?tapout=${e.tapOutId}`,
              requireInteraction: true,
              renotify: true,
              tapOutId: e.tapOutId,
              actions: [
                { action: "coming", title: say("push.tapout.coming") },
                { action: "cant", title: say("push.tapout.cant") },
              ],
            },
          };
        }),
      );
    }
    case "tapout-answer": {
      const t = await tx.tapOut.findUnique({ where: { id: e.tapOutId }, select: { requesterId: true } });
      const [requester] = t ? await withDevices(tx, e.householdId, t.requesterId) : [];
      if (!t || !requester) return [];
      const { say } = await wordsFor(requester.reader);
      return [
        {
          householdId: e.householdId,
          dueAt: e.at,
          recipientId: t.requesterId,
          kind: "tapout-answer",
          dedupeKey: `tapout-answer:${e.tapOutId}`,
          urgency: "high",
          ttl: TAPOUT_TTL_SECONDS,
          payload: {
            kind: "tapout-answer",
            title: say("push.tapoutAnswer.title", { name: e.by.name, answer: e.answer }),
            body: say("push.tapoutAnswer.body", { answer: e.answer }),
            tag: `tapout-${e.tapOutId}`,
            url: "/tonight",
            renotify: true,
            tapOutId: e.tapOutId,
          },
        },
      ];
    }
    case "swap": {
      const s = await tx.swap.findUnique({
        where: { id: e.swapId },
        select: { fromId: true, toId: true, startsAt: true, endsAt: true },
      });
      if (!s) return [];
      const recipientId = s.fromId === e.by.caregiverId ? s.toId : s.fromId;
      const [recipient] = await withDevices(tx, e.householdId, recipientId);
      if (!recipient) return [];
      const { say, f } = await wordsFor(recipient.reader);
      return [
        {
          householdId: e.householdId,
          dueAt: e.at,
          recipientId,
          kind: "swap",
          dedupeKey: `swap:${e.swapId}`,
          urgency: "normal",
          ttl: 12 * 3600,
          payload: {
            kind: "swap",
            title: say("push.swap.title", { name: e.by.name }),
            body: say("push.swap.body", {
              start: f.clockIn(s.startsAt, e.timeZone),
              end: f.clockIn(s.endsAt, e.timeZone),
            }),
            tag: `swap-${e.swapId}`,
            url: `/nights?swap=${e.swapId}`,
          },
        },
      ];
    }
  }
}

/** The caregivers (one, or all but one) with at least one device, and how each reads (one statement). */
async function withDevices(
  tx: Tx,
  householdId: string,
  caregiverId: string | { not: string },
): Promise<{ recipientId: string; reader: TReader }[]> {
  const rows = await tx.pushSubscription.findMany({
    relationLoadStrategy: "join",
    // Leaving deletes a member's devices; members only, all the same (docs/decisions/0030).
    where: { householdId, caregiverId, caregiver: { removedAt: null } },
    select: { caregiverId: true, caregiver: { select: READER_SELECT } },
  });
  // A caregiver's phones are few: one entry per caregiver, here rather than with DISTINCT.
  const byCaregiver = new Map(rows.map((r) => [r.caregiverId, readerOf(r.caregiver)]));
  return [...byCaregiver].map(([recipientId, reader]) => ({ recipientId, reader }));
}

/** Writes rows (a dedupe key already there is skipped) and wakes the workers at commit. */
export async function writeOutbox(tx: Tx, rows: TOutboxRow[]): Promise<number> {
  const res = await tx.pushOutbox.createMany({
    data: rows.map((r) => ({ ...r, payload: r.payload as unknown as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
  if (res.count) await tx.$executeRaw`SELECT pg_notify(${PUSH_CHANNEL}, '')`;
  return res.count;
}
