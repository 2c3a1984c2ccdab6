// The night log's running timer and its forms' clock values. Pure, so server
// and client components both use it. The words themselves are in the catalogue
// (messages, namespace "log"); durations, clock times and days come from the
// formatter (useFormat / getFormat); what helped from lib/log/helped; an
// instant's clock value from lib/time/local-time (clockValueIn), which only
// the forms need in the browser.

/** 192_000 → "03:12"; 3_723_000 → "1:02:03". For the running timer. */
export function timerText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A machine clock value ("19:00", clockValue) as minutes after midnight, or null when it isn't one. */
export function clockValueMinutes(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The timer for a screen reader, in whole minutes (0 while under a minute): the `log.open.awakeFor` message's count. */
export function timerMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}
