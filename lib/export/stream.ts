import "server-only";

// The export's plumbing: tables read a batch at a time (keyset paging), and
// text produced on demand, so a download of three years holds one batch in
// memory, never the history (docs/decisions/0023-export.md).

/** Rows per statement: big enough that three years is a few dozen statements per table, small enough to stay flat. */
export const EXPORT_BATCH = 500;

/** Where the last batch ended, for reads in time order: its time, then its id (times can tie). */
export type TTimeCursor = { at: Date; id: string };

/**
 * Every row of one read, `batch` at a time: `read(after, take)` returns the
 * rows that come after the cursor `after` (null: from the start) in the read's
 * own order, and `cursorOf` says where a row stands. Keyset, not OFFSET: each
 * statement starts where the last ended, at the same cost for the first page
 * and the thousandth, and rows written meanwhile neither repeat nor push
 * others out.
 */
export async function* keyset<R, K>(
  read: (after: K | null, take: number) => Promise<R[]>,
  cursorOf: (row: R) => K,
  batch = EXPORT_BATCH,
): AsyncGenerator<R[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await read(after, batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    after = cursorOf(rows[rows.length - 1]!);
  }
}

/** A batch generator with each row shaped by `fn` (and rows `fn` drops, as null, left out). */
export async function* mapBatches<R, T>(batches: AsyncIterable<R[]>, fn: (row: R) => T | null): AsyncGenerator<T[]> {
  for await (const rows of batches) {
    const out: T[] = [];
    for (const r of rows) {
      const v = fn(r);
      if (v !== null) out.push(v);
    }
    if (out.length) yield out;
  }
}

const encoder = new TextEncoder();

/**
 * A byte stream that asks `chunks` for the next piece only when the reader
 * wants more (pull), so a slow download holds the database reads back instead
 * of piling text up in memory. Cancelling the download stops the reads.
 */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Until there is something to send: a pull that enqueues nothing is not asked again.
      for (;;) {
        const { done, value } = await it.next();
        if (done) return controller.close();
        if (value) return controller.enqueue(encoder.encode(value));
      }
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}
