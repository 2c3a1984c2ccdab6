import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * How many notes are new to the caregiver row `c` (its id, household_id and
 * joined_at): written by someone else since they joined, with no read row of
 * theirs. A scalar subquery, so the session's read (lib/auth/session.ts) can
 * carry the Notes badge for the page in the same statement, and the badge's
 * own read (read-notes.ts) is the same SQL.
 */
export const UNREAD_NOTES_OF_C = Prisma.sql`(
  SELECT count(*)::int FROM notes n
   WHERE n.household_id = c.household_id
     AND n.author_id IS DISTINCT FROM c.id
     AND n.created_at >= c.joined_at
     AND NOT EXISTS (SELECT 1 FROM note_reads r WHERE r.note_id = n.id AND r.caregiver_id = c.id))`;
