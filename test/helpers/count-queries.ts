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
