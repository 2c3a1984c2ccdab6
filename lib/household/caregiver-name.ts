// How a caregiver is named, in ONE place (docs/decisions/0030): a member, or a
// removed member whose account still exists, by their account's name; a
// caregiver whose account was deleted by the name the household chose to keep
// (Caregiver.formerName), else as "a former caregiver". Every read that names a
// caregiver goes through caregiverName (Prisma selects) or caregiverNameSql
// (raw statements).
//
// "A former caregiver" is a message reference (lib/i18n/text.ts), not words:
// the name a read returns travels like any name and is put into words by
// whoever shows it (useText/getText in the reader's language; exports, the
// API and webhooks in British English), like the stored rota reasons. In SQL
// it is one more parameter of the same statement.
import { Prisma } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/i18n/text";

/** The name of a caregiver whose account was deleted, when the household didn't keep names. */
export const FORMER_CAREGIVER = msg("household.formerCaregiver");

/** What caregiverName needs, for a Prisma `select` on a caregiver. */
export const CAREGIVER_NAME_SELECT = { formerName: true, user: { select: { name: true } } } as const;

export function caregiverName(c: { formerName: string | null; user: { name: string } | null }): string {
  return c.user?.name ?? c.formerName ?? FORMER_CAREGIVER;
}

/**
 * The same rule in SQL, for a statement that joins the caregiver as `caregiverAlias`
 * and `LEFT JOIN users <userAlias> ON <userAlias>.id = <caregiverAlias>.user_id`.
 * The aliases are our own constants, never input.
 */
export function caregiverNameSql(caregiverAlias = "c", userAlias = "u"): Prisma.Sql {
  return Prisma.sql`COALESCE(${Prisma.raw(`${userAlias}.name`)}, ${Prisma.raw(`${caregiverAlias}.former_name`)}, ${FORMER_CAREGIVER}::text)`;
}
