// The night log's own words: the running timer and a count of wakings. Pure,
// so server and client components both use it. Durations, clock times and
// days come from lib/format; what helped from lib/log/helped.
import { durationWords } from "@/lib/format";

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

/** The timer for a screen reader, to the whole minute: "3 minutes", "1 hour 2 minutes", "less than a minute". */
export function timerWords(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return minutes < 1 ? "less than a minute" : durationWords(minutes * 60_000);
}

/** "1 waking", "3 wakings". */
export function wakingsText(n: number): string {
  return `${n} ${n === 1 ? "waking" : "wakings"}`;
}
