// What helped, and how long: shared by the night log, its list and the recent
// nights page. Pure, so server and client components both use it.

/** The values the server accepts (lib/log/wakings.ts HELPED), in the order they are offered. */
export const HELPED_OPTIONS = [
  { value: "breast", label: "Feed: breast" },
  { value: "bottle", label: "Feed: bottle" },
  { value: "rock", label: "Rock" },
  { value: "hold", label: "Hold" },
  { value: "skin-to-skin", label: "Skin-to-skin" },
  { value: "diaper", label: "Diaper" },
  { value: "white-noise", label: "White noise" },
  { value: "other", label: "Other" },
] as const;

const HELPED_LABEL = new Map<string, string>(HELPED_OPTIONS.map((o) => [o.value, o.label]));

export function helpedLabel(value: string): string {
  return HELPED_LABEL.get(value) ?? value;
}

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

/** The timer for a screen reader, to the minute: "Awake for 3 minutes", "Awake for 1 hour 2 minutes". */
export function timerWords(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} ${h === 1 ? "hour" : "hours"}` : "", m ? `${m} ${m === 1 ? "minute" : "minutes"}` : ""];
  return parts.filter(Boolean).join(" ");
}

/** "1 waking", "3 wakings". */
export function wakingsText(n: number): string {
  return `${n} ${n === 1 ? "waking" : "wakings"}`;
}

/** Who has to answer a swap: the side that didn't ask. */
export function answererOf(s: { requestedById: string; fromId: string; toId: string }): string {
  return s.requestedById === s.fromId ? s.toId : s.fromId;
}
