import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { clockIn } from "@/lib/format";
import type { TPushPayload } from "@/lib/push/payload";
import type { TPushKind } from "@/lib/push/rules";

// Producing pushes: rows in push_outbox, written inside the transaction of
// the change they tell about (so a rolled-back change sends nothing), next to
// the live event the same change publishes. The worker (lib/push/worker.ts)
// sends them after commit. Rows are written only for caregivers with at least
// one device, so households without push cost one small read.

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
      return partners.map((recipientId) => ({
        householdId: e.householdId,
        dueAt: e.at,
        recipientId,
        kind: "tapout",
        dedupeKey: `tapout:${e.tapOutId}:${recipientId}`,
        urgency: "high",
        ttl: TAPOUT_TTL_SECONDS,
        payload: {
          kind: "tapout",
          title: `${e.by.name} needs you`,
          body: "Tap to answer: I'm coming, or I can't right now.",
          tag: `tapout-${e.tapOutId}`,
          url: `/tonight?tapout=${e.tapOutId}`,
          requireInteraction: true,
          renotify: true,
          tapOutId: e.tapOutId,
        },
      }));
    }
    case "tapout-answer": {
      const t = await tx.tapOut.findUnique({ where: { id: e.tapOutId }, select: { requesterId: true } });
      if (!t || !(await withDevices(tx, e.householdId, t.requesterId)).length) return [];
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
            title: e.answer === "coming" ? `${e.by.name} is coming` : `${e.by.name} can't right now`,
            body: e.answer === "coming" ? "Help is on the way." : "They answered your request.",
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
      if (!(await withDevices(tx, e.householdId, recipientId)).length) return [];
      const hours = `${clockIn(s.startsAt, e.timeZone)}–${clockIn(s.endsAt, e.timeZone)}`;
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
            title: `${e.by.name} asked you about a swap`,
            body: `${hours}. Open Nights to answer.`,
            tag: `swap-${e.swapId}`,
            url: `/nights?swap=${e.swapId}`,
          },
        },
      ];
    }
  }
}

async function withDevices(tx: Tx, householdId: string, caregiverId: string | { not: string }): Promise<string[]> {
  const rows = await tx.pushSubscription.findMany({
    // Leaving deletes a member's devices; members only, all the same (docs/decisions/0030).
    where: { householdId, caregiverId, caregiver: { removedAt: null } },
    select: { caregiverId: true },
    distinct: ["caregiverId"],
  });
  return rows.map((r) => r.caregiverId);
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
