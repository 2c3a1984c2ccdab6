import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { confirmsHouseholdName, DELETION_GRACE_DAYS } from "@/lib/household/deletion";
import { lockHousehold, membersToTell } from "@/lib/household/deletion-job";
import { canDeleteHousehold } from "@/lib/household/rights";
import { publishLive } from "@/lib/live/publish";
import { householdDeletionCancelledMail, householdDeletionScheduledMail } from "@/lib/mail/messages";
import { linkTo, sendMail } from "@/lib/mail/send";
import { ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// A parent deletes the household in two steps (docs/decisions/0031): this
// file asks for it (the name typed to confirm) and cancels it; the job in
// lib/household/deletion-job.ts deletes it once the grace period is over.
// Both steps lock the household's row, so a request, a cancel and the job
// racing each other leave it either scheduled or not, never half of each.

const DAY_MS = 24 * 60 * 60 * 1000;

const ZRequestDeletion = z.object({
  householdId: ZId,
  confirmName: z
    .string({ error: msg("household.errors.deletion.typeName") })
    .max(200, { error: msg("household.errors.deletion.tooLong") }),
});

export type TDeletionRequested = { dueAt: string; alreadyScheduled: boolean };

/**
 * Schedules the deletion DELETION_GRACE_DAYS from now and tells the other
 * members by email. Asking again while it is scheduled answers with the date
 * already set (and mails no one twice).
 */
export const requestHouseholdDeletion = householdAction(
  ZRequestDeletion,
  { role: "parent" },
  async ({ me, data, now }): Promise<TDeletionRequested> => {
    if (!canDeleteHousehold(me)) throw forbidden(msg("household.errors.deletion.parentsOnly"));
    const outcome = await db.$transaction(async (tx) => {
      const h = await lockHousehold(tx, me.householdId);
      if (!h) throw notFound(msg("errors.what.household"));
      // Judged against the locked row: a rename racing this request can't slip through.
      if (!confirmsHouseholdName(data.confirmName, h.name))
        throw invalid(msg("household.errors.deletion.noMatch"), {
          confirmName: [msg("household.errors.deletion.typeExact", { name: h.name })],
        });
      if (h.deletionDueAt) return { dueAt: h.deletionDueAt, told: null };
      const dueAt = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
      await tx.household.update({
        where: { id: me.householdId },
        data: { deletionRequestedAt: now, deletionRequestedById: me.caregiverId, deletionDueAt: dueAt },
      });
      await publishLive(tx, me.householdId, "household.changed", [], me.caregiverId);
      return { dueAt, told: { household: h, members: await membersToTell(tx, me.householdId, me.userId) } };
    });
    if (outcome.told) {
      const { household, members } = outcome.told;
      for (const m of members)
        sendMail(
          householdDeletionScheduledMail(m, m.name, {
            household: household.name,
            requestedBy: me.name,
            when: { at: outcome.dueAt, timeZone: household.timeZone },
            canCancel: canDeleteHousehold(m),
            householdLink: linkTo("/household#delete"),
          }),
        );
    }
    return { dueAt: outcome.dueAt.toISOString(), alreadyScheduled: !outcome.told };
  },
);

/** Any parent cancels a scheduled deletion; the other members are told. Nothing scheduled: nothing to do. */
export const cancelHouseholdDeletion = householdAction(
  z.object({ householdId: ZId }),
  { role: "parent" },
  async ({ me }): Promise<{ cancelled: boolean }> => {
    if (!canDeleteHousehold(me)) throw forbidden(msg("household.errors.deletion.cancelParentsOnly"));
    const told = await db.$transaction(async (tx) => {
      const h = await lockHousehold(tx, me.householdId);
      // The job got there first (it holds the row until the household is gone).
      if (!h) throw notFound(msg("errors.what.household"));
      if (!h.deletionDueAt) return null;
      await tx.household.update({
        where: { id: me.householdId },
        data: { deletionRequestedAt: null, deletionRequestedById: null, deletionDueAt: null },
      });
      await publishLive(tx, me.householdId, "household.changed", [], me.caregiverId);
      return { household: h, members: await membersToTell(tx, me.householdId, me.userId) };
    });
    if (told)
      for (const m of told.members)
        sendMail(householdDeletionCancelledMail(m, m.name, { household: told.household.name, cancelledBy: me.name }));
    return { cancelled: told !== null };
  },
);
