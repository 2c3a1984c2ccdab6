import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { startOutboxLoop, type TOutboxLoop } from "@/lib/outbox/loop";
import { doubling, maxAttempts, retryAt } from "@/lib/outbox/retry";
import { PUSH_CHANNEL, writeOutbox, type TOutboxRow } from "@/lib/push/enqueue";
import type { TPushPayload } from "@/lib/push/payload";
import { pushDecision, type TPushKind } from "@/lib/push/rules";
import { sendPush, type TSendResult } from "@/lib/push/send";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { READER_SELECT, readerOf, wordsFor } from "@/lib/push/words";

// Sending: every server process runs one worker. It claims due outbox rows
// with SELECT … FOR UPDATE SKIP LOCKED, so two instances never take the same
// row; sends them; and marks them sent in the same transaction. A process
// that dies mid-send rolls back its claim and the row is taken again (a
// device may then get a push twice, never zero times; the notification tag
// makes the second replace the first). docs/decisions/0015-push-outbox.md.

/** After a failed send: 15 s, 30 s, 1 min … capped at 30 min; 8 attempts in all. */
const RETRY = doubling(15_000, 30 * 60_000, 7);
export const MAX_ATTEMPTS = maxAttempts(RETRY);
const BATCH = 50;

type TRow = {
  id: bigint;
  household_id: string;
  recipient_id: string;
  kind: TPushKind;
  payload: TPushPayload;
  urgency: string;
  ttl: number;
  attempts: number;
};

export type TWorkerRun = {
  claimed: number;
  sent: number;
  held: number;
  dropped: number;
  retried: number;
  devicesRemoved: number;
};

type TSender = typeof sendPush;

/** One batch: claim, decide, send, mark. Returns what happened (tests and the benchmark read it). */
export async function runPushWorkerOnce(
  opts: { now?: Date; batch?: number; send?: TSender } = {},
): Promise<TWorkerRun> {
  const now = opts.now ?? new Date();
  const send = opts.send ?? sendPush;
  const run: TWorkerRun = { claimed: 0, sent: 0, held: 0, dropped: 0, retried: 0, devicesRemoved: 0 };
  await db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<TRow[]>`
        SELECT id, household_id, recipient_id, kind, payload, urgency, ttl, attempts
          FROM push_outbox
         WHERE sent_at IS NULL AND due_at <= ${now} AND attempts < ${MAX_ATTEMPTS}
         ORDER BY due_at, id
         LIMIT ${opts.batch ?? BATCH}
           FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return;
      run.claimed = rows.length;
      const ids = rows.map((r) => r.id);
      await tx.pushOutbox.updateMany({ where: { id: { in: ids } }, data: { claimedAt: now } });
      const recipients = [...new Set(rows.map((r) => r.recipient_id))];
      // One connection: the transaction's statements run one after another.
      const households = await tx.household.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.household_id))] } },
        select: { id: true, timeZone: true, nightStart: true, nightEnd: true },
      });
      const shifts = await tx.shift.findMany({
        where: { caregiverId: { in: recipients }, startsAt: { lte: now }, endsAt: { gt: now } },
        select: { caregiverId: true, startsAt: true, endsAt: true },
      });
      const devices = await tx.pushSubscription.findMany({
        where: { caregiverId: { in: recipients } },
        select: {
          id: true,
          householdId: true,
          caregiverId: true,
          endpoint: true,
          p256dh: true,
          auth: true,
          shiftReminders: true,
        },
      });
      const gone = new Set<string>();
      const succeeded = new Set<string>();
      const sent: bigint[] = [];
      const later: { id: bigint; data: Prisma.PushOutboxUpdateInput }[] = [];
      // The network part in parallel; the writes after it, in bulk where they can be.
      await Promise.all(
        rows.map(async (row) => {
          const h = households.find((x) => x.id === row.household_id);
          const decision = h
            ? pushDecision(
                row.kind,
                now,
                shifts.filter((s) => s.caregiverId === row.recipient_id),
                h,
              )
            : ({ action: "drop", reason: "household gone" } as const);
          if (decision.action === "hold") {
            run.held++;
            later.push({ id: row.id, data: { dueAt: decision.until, claimedAt: null } });
            return;
          }
          if (decision.action === "drop") {
            run.dropped++;
            later.push({ id: row.id, data: { sentAt: now, lastError: `not sent: ${decision.reason}` } });
            return;
          }
          const targets = devices.filter(
            (d) =>
              d.caregiverId === row.recipient_id &&
              d.householdId === row.household_id &&
              (row.kind !== "shift-soon" || d.shiftReminders),
          );
          const body = JSON.stringify(row.payload);
          const results: TSendResult[] = await Promise.all(
            targets.map(async (d) => {
              const r = await send(d, body, { urgency: row.urgency, ttl: row.ttl });
              if (r.ok) succeeded.add(d.id);
              else if (r.gone) gone.add(d.id);
              return r;
            }),
          );
          const failed = results.filter((r) => !r.ok && !r.gone) as { error: string }[];
          if (results.some((r) => r.ok) || !failed.length) {
            run.sent++;
            if (targets.length) sent.push(row.id);
            else later.push({ id: row.id, data: { sentAt: now, attempts: { increment: 1 }, lastError: "no devices" } });
          } else {
            run.retried++;
            later.push({
              id: row.id,
              data: {
                attempts: row.attempts + 1,
                // After the last attempt the row stays unsent and is never claimed again (attempts < MAX_ATTEMPTS).
                dueAt: retryAt(RETRY, row.attempts + 1, now) ?? now,
                claimedAt: null,
                lastError: failed[0]?.error ?? "failed",
              },
            });
          }
        }),
      );
      if (sent.length) {
        await tx.pushOutbox.updateMany({
          where: { id: { in: sent } },
          data: { sentAt: now, attempts: { increment: 1 } },
        });
      }
      for (const u of later) await tx.pushOutbox.update({ where: { id: u.id }, data: u.data });
      if (gone.size) {
        const removed = await tx.pushSubscription.deleteMany({ where: { id: { in: [...gone] } } });
        run.devicesRemoved = removed.count;
      }
      if (succeeded.size) {
        await tx.pushSubscription.updateMany({ where: { id: { in: [...succeeded] } }, data: { lastSuccessAt: now } });
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return run;
}

/** Runs batches until nothing is due. */
export async function drainPushOutbox(opts: { now?: Date; send?: TSender } = {}): Promise<number> {
  let claimed = 0;
  for (;;) {
    const r = await runPushWorkerOnce(opts);
    claimed += r.claimed;
    if (r.claimed === 0) return claimed;
  }
}

const SOON_MS = 30 * 60_000;
const HANDOFF_WINDOW_MS = 10 * 60_000;

/**
 * Once a minute, on every instance: "your shift starts in 30 minutes" (to
 * devices that asked for it) and the handoff note when a shift starts. The
 * dedupe key names the shift and its version, so however many instances run
 * this, each is enqueued once (and a moved shift gets a new one). Each is
 * written in its recipient's language (lib/push/words.ts), read with the shift.
 */
export async function scheduleShiftPushes(now = new Date()): Promise<number> {
  const soon = await db.shift.findMany({
    relationLoadStrategy: "join",
    where: {
      startsAt: { gt: now, lte: new Date(now.getTime() + SOON_MS) },
      caregiver: { removedAt: null, pushDevices: { some: { shiftReminders: true } } },
    },
    select: {
      id: true,
      version: true,
      householdId: true,
      caregiverId: true,
      startsAt: true,
      household: { select: { timeZone: true } },
      caregiver: { select: READER_SELECT },
    },
  });
  const starting = await db.shift.findMany({
    relationLoadStrategy: "join",
    where: {
      startsAt: { lte: now, gt: new Date(now.getTime() - HANDOFF_WINDOW_MS) },
      caregiver: { removedAt: null, pushDevices: { some: {} } },
    },
    select: {
      id: true,
      version: true,
      householdId: true,
      caregiverId: true,
      nightDate: true,
      caregiver: { select: READER_SELECT },
    },
  });
  const rows: TOutboxRow[] = await Promise.all(
    soon.map(async (s): Promise<TOutboxRow> => {
      const { say, f } = await wordsFor(readerOf(s.caregiver));
      return {
        householdId: s.householdId,
        recipientId: s.caregiverId,
        kind: "shift-soon",
        dedupeKey: `shift-soon:${s.id}:${s.version}`,
        urgency: "normal",
        ttl: Math.max(60, Math.round((s.startsAt.getTime() - now.getTime()) / 1000)),
        dueAt: now,
        payload: {
          kind: "shift-soon",
          title: say("push.shiftSoon.title", { time: f.clockIn(s.startsAt, s.household.timeZone) }),
          body: say("push.shiftSoon.body"),
          tag: `shift-${s.id}`,
          url: "/tonight",
        },
      };
    }),
  );
  for (const s of starting) {
    const note = await db.note.findFirst({
      where: { householdId: s.householdId, kind: "handoff", nightDate: s.nightDate, authorId: { not: s.caregiverId } },
      orderBy: { createdAt: "desc" },
      select: { body: true, author: { select: CAREGIVER_NAME_SELECT } },
    });
    if (!note) continue;
    const body = note.body.length > 140 ? `${note.body.slice(0, 139)}…` : note.body;
    const { say } = await wordsFor(readerOf(s.caregiver));
    rows.push({
      householdId: s.householdId,
      recipientId: s.caregiverId,
      kind: "handoff",
      dedupeKey: `handoff:${s.id}:${s.version}`,
      urgency: "normal",
      ttl: 3600,
      dueAt: now,
      payload: {
        kind: "handoff",
        title: note.author
          ? say("push.handoff.titleFrom", { name: caregiverName(note.author) })
          : say("push.handoff.title"),
        body,
        tag: `handoff-${s.id}`,
        url: "/tonight",
      },
    });
  }
  if (!rows.length) return 0;
  return db.$transaction((tx) => writeOutbox(tx, rows));
}

// ——— the loop, one per process (instrumentation.ts; lib/outbox/loop.ts) ———

/** Starts this process's push worker: woken by NOTIFY at commit, polls every 5 s, schedules shift pushes every minute. */
export function startPushWorker(): TOutboxLoop {
  return startOutboxLoop({
    name: "push",
    channel: PUSH_CHANNEL,
    drain: () => drainPushOutbox(),
    every: [{ name: "schedule", ms: 60_000, run: () => scheduleShiftPushes() }],
  });
}
