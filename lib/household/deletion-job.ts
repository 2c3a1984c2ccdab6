import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { publishLive } from "@/lib/live/publish";
import { householdDeletedMail } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send";

// The deletion job (docs/decisions/0031): deletes every household whose grace
// period is over. Every app instance runs it once a minute
// (startDeletionWorker, from instrumentation.ts), and `npm run jobs:deletions`
// runs it once for deployments that prefer cron. Each household is taken
// with FOR UPDATE SKIP LOCKED, one transaction each: two instances never
// take the same household, and a cancel that holds the row wins (the row is
// skipped, then found no longer due).

type THouseholdRow = { name: string; timeZone: string; locale: string; deletionDueAt: Date | null };

/** The household's row, locked for the rest of the transaction (undefined: it is gone). */
export async function lockHousehold(tx: Tx, householdId: string): Promise<THouseholdRow | undefined> {
  const rows = await tx.$queryRaw<THouseholdRow[]>`
    SELECT name, time_zone AS "timeZone", locale, deletion_due_at AS "deletionDueAt"
      FROM households WHERE id = ${householdId}::uuid FOR UPDATE`;
  return rows[0];
}

/** `locale`: their language (null: the household's); `householdLocale`: the household's clock, for dates. */
export type TMemberToTell = { name: string; email: string; role: Role; locale: string | null; householdLocale: string };

/** Whom to write to about the household: its members, but for `exceptUserId` (who did it, and knows). */
export async function membersToTell(tx: Tx, householdId: string, exceptUserId?: string): Promise<TMemberToTell[]> {
  const rows = await tx.caregiver.findMany({
    // Active members only: a removed member, or one whose account is gone, is not told (docs/decisions/0030).
    where: { householdId, removedAt: null, ...(exceptUserId ? { userId: { not: exceptUserId } } : {}) },
    orderBy: { joinedAt: "asc" },
    select: {
      role: true,
      user: { select: { name: true, email: true, locale: true } },
      household: { select: { locale: true } },
    },
  });
  return rows.flatMap((c) =>
    c.user
      ? [
          {
            role: c.role,
            name: c.user.name,
            email: c.user.email,
            locale: c.user.locale,
            householdLocale: c.household.locale,
          },
        ]
      : [],
  );
}

/** A household deleted by one run: what the log line and the tests see. */
export type TDeletedHousehold = { id: string; dueAt: Date; members: number };

/**
 * Deletes the households due at `now`, one transaction each, and emails
 * their former members. A household whose deletion fails is logged and left
 * for the next run; the others go ahead. Returns what it deleted.
 */
export async function runDueHouseholdDeletions(now: Date = new Date()): Promise<TDeletedHousehold[]> {
  const deleted: TDeletedHousehold[] = [];
  const failed: string[] = [];
  for (;;) {
    let id: string | undefined;
    try {
      const done = await db.$transaction(
        async (tx) => {
          const [due] = await tx.$queryRaw<{ id: string; name: string; dueAt: Date }[]>`
            SELECT id, name, deletion_due_at AS "dueAt" FROM households
             WHERE deletion_due_at <= ${now} AND NOT (id = ANY(${failed}::uuid[]))
             ORDER BY deletion_due_at, id
             LIMIT 1
               FOR UPDATE SKIP LOCKED`;
          if (!due) return null;
          id = due.id;
          const members = await membersToTell(tx, due.id);
          // Open screens hear it at commit; their streams then find no membership and close.
          await publishLive(tx, due.id, "household.changed", []);
          // Every household-owned row goes with it (ON DELETE CASCADE); the accounts stay.
          await tx.$executeRaw`DELETE FROM households WHERE id = ${due.id}::uuid`;
          return { ...due, members };
        },
        // A household with years of nights is many rows to delete.
        { timeout: 120_000 },
      );
      if (!done) return deleted;
      console.log(
        `[deletions] household ${done.id} deleted (due ${done.dueAt.toISOString()}, ${done.members.length} member(s) told)`,
      );
      for (const m of done.members) sendMail(householdDeletedMail(m, m.name, { household: done.name }));
      deleted.push({ id: done.id, dueAt: done.dueAt, members: done.members.length });
    } catch (e) {
      // Not about one household (the database is away, say): the run ends here.
      if (!id) throw e;
      // Nothing of it was deleted (the transaction rolled back); try it again next run.
      console.error(`[deletions] household ${id} could not be deleted:`, e instanceof Error ? e.message : e);
      failed.push(id);
    }
  }
}

const globalForJob = globalThis as unknown as { attuneDeletionJob?: { stop: () => void } };

/** How often each instance looks for due households. */
const EVERY_MS = 60_000;

/** Starts this process's deletion job (instrumentation.ts): once a minute, never two runs at once. */
export function startDeletionWorker(): { stop: () => void } {
  if (globalForJob.attuneDeletionJob) return globalForJob.attuneDeletionJob;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDueHouseholdDeletions(new Date());
    } catch (e) {
      console.error(`[deletions] ${e instanceof Error ? e.message : e}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  const handle = {
    stop: () => {
      clearInterval(timer);
      globalForJob.attuneDeletionJob = undefined;
    },
  };
  globalForJob.attuneDeletionJob = handle;
  return handle;
}
