import { queryListeners } from "@/lib/db";

/** Runs `fn` and counts the SQL statements it sent (every statement passes lib/db.ts's listeners). */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; sql: string[] }> {
  const sql: string[] = [];
  const listener = (q: string) => void sql.push(q);
  queryListeners.add(listener);
  try {
    return { result: await fn(), queries: sql.length, sql };
  } finally {
    queryListeners.delete(listener);
  }
}

/**
 * What the session's statement already read in a page render
 * (lib/auth/session.ts): the caller's membership with the household's clock
 * (lib/context.ts) and the Notes badge's count (lib/notes/read-notes.ts).
 */
const WITH_THE_SESSION = [
  /JOIN households h ON h\.id = c\.household_id/,
  /SELECT\s+\(\s*SELECT count\(\*\)::int FROM notes n/,
];
/** The reads React's cache() makes once per render (lib/household/details.ts's details). */
const ONCE_PER_RENDER = [/"warn_consecutive"/];

/**
 * The statements a page render would send for `sql` read outside a render:
 * the session (the cookie's user, lib/auth/session.ts) is one statement and
 * carries the membership and the badge; the household's details are read
 * once (React's cache).
 */
export function inOneRender(sql: string[]): number {
  const seen = new Set<string>();
  let n = 1; // the session
  for (const q of sql) {
    if (WITH_THE_SESSION.some((r) => r.test(q))) continue;
    if (ONCE_PER_RENDER.some((r) => r.test(q))) {
      if (seen.has(q)) continue;
      seen.add(q);
    }
    n++;
  }
  return n;
}
