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

/** The reads React's cache() makes once per render (lib/context.ts's membership, lib/household/details.ts's details). */
const ONCE_PER_RENDER = [/JOIN households h ON h\.id = c\.household_id/, /"warn_consecutive"/];

/**
 * The statements a page render would send for `sql` read outside a render:
 * in a render the membership and the household's details are read once
 * (React's cache), and the session (the cookie's user, lib/auth/session.ts)
 * is one more statement.
 */
export function inOneRender(sql: string[]): number {
  const seen = new Set<string>();
  let n = 1; // the session
  for (const q of sql) {
    if (ONCE_PER_RENDER.some((r) => r.test(q))) {
      if (seen.has(q)) continue;
      seen.add(q);
    }
    n++;
  }
  return n;
}
