import type { TTonightLog, TWakingView } from "@/lib/log/read-log";
import { inListOrder } from "@/lib/log/helped";

// What "I'm up", "Back to sleep" and their undo show before the server
// answers: updates of tonight's log in React Query (useAction's `optimistic`,
// rolled back on a refusal). Pure, so the server-rendered lists can tell an
// optimistic waking apart too.

const OPTIMISTIC = "optimistic:";

/** A waking shown before the server has it: no Change, no Back to sleep yet. */
export function isOptimistic(w: Pick<TWakingView, "id">): boolean {
  return w.id.startsWith(OPTIMISTIC);
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** "I'm up": the baby's waking is open, with me beside them, from now. */
export function withStarted(
  log: TTonightLog | undefined,
  form: FormData,
  me: { id: string; name: string },
): TTonightLog | undefined {
  if (!log) return log;
  const babyId = text(form, "babyId") || (log.babies.length === 1 ? log.babies[0]!.id : "");
  const baby = log.babies.find((b) => b.id === babyId);
  if (!baby || log.open.some((w) => w.babyId === babyId)) return log;
  const now = Date.now();
  const crying = Number(text(form, "cryingMinutesAgo") || NaN);
  const waking: TWakingView = {
    id: `${OPTIMISTIC}${babyId}`,
    babyId,
    babyName: baby.name,
    responderId: me.id,
    responderName: me.name,
    cryingAt: Number.isFinite(crying) ? new Date(now - crying * 60_000).toISOString() : null,
    startedAt: new Date(now).toISOString(),
    endedAt: null,
    helped: [],
    note: null,
    version: 0,
    night: log.night,
  };
  return { ...log, open: [...log.open, waking], wakings: [...log.wakings, waking] };
}

/**
 * The server said yes to "I'm up": the optimistic waking takes the server's id
 * at once, so an undo a moment later (before the log is read again) finds it.
 */
export function withServerId(log: TTonightLog | undefined, babyId: string, wakingId: string): TTonightLog | undefined {
  if (!log) return log;
  const id = `${OPTIMISTIC}${babyId}`;
  const real = (w: TWakingView) => (w.id === id ? { ...w, id: wakingId } : w);
  return { ...log, open: log.open.map(real), wakings: log.wakings.map(real) };
}

/** "Back to sleep": the waking ends now, with what helped. */
export function withEnded(log: TTonightLog | undefined, form: FormData): TTonightLog | undefined {
  if (!log) return log;
  // A waking whose "I'm up" still waits on this phone is named by its optimistic id.
  const id = text(form, "wakingId") || text(form, "optimisticId");
  const w = log.open.find((o) => o.id === id);
  if (!w) return log;
  const endedAt = new Date(Math.max(Date.now(), Date.parse(w.startedAt))).toISOString();
  const helped = inListOrder(form.getAll("helped").filter((v): v is string => typeof v === "string"));
  const ended = { ...w, endedAt, helped, note: text(form, "note").trim() || null };
  return {
    ...log,
    open: log.open.filter((o) => o.id !== id),
    wakings: log.wakings.map((x) => (x.id === id ? ended : x)),
  };
}

/** Undo of "I'm up": the waking is gone. */
export function withoutWaking(log: TTonightLog | undefined, form: FormData): TTonightLog | undefined {
  if (!log) return log;
  const id = text(form, "wakingId");
  return { ...log, open: log.open.filter((o) => o.id !== id), wakings: log.wakings.filter((w) => w.id !== id) };
}

/** Undo of "Back to sleep": the waking is open again. */
export function withReopened(log: TTonightLog | undefined, form: FormData): TTonightLog | undefined {
  if (!log) return log;
  const id = text(form, "wakingId");
  const w = log.wakings.find((x) => x.id === id);
  if (!w || log.open.some((o) => o.id === id)) return log;
  const reopened = { ...w, endedAt: null };
  return {
    ...log,
    open: [...log.open, reopened],
    wakings: log.wakings.map((x) => (x.id === id ? reopened : x)),
  };
}
