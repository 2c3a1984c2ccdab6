// A time of day posted as two fields (components/ui/clock-field.tsx): `start.h`
// (0–23) and `start.m` (0–59). formToObject joins them into `start` = "19:05"
// before any schema reads the form, so schemas only ever see one clock string.

/** The suffixes of a clock's two posted parts. */
export const CLOCK_PART = { hour: ".h", minute: ".m" } as const;

const twoDigits = (part: string) => (/^\d{1,2}$/.test(part) ? part.padStart(2, "0") : part);

/**
 * Joins every `name.h` / `name.m` pair in a form into `name`, in place. Both
 * blank: "" (no time). A blank minute with an hour: on the hour. An hour that
 * is blank or not a number is left as written, for the schema to refuse with
 * its message (never guessed). A `name` posted whole (the API) wins over parts.
 */
export function joinClockParts(form: Record<string, string | string[]>): void {
  for (const key of Object.keys(form)) {
    if (!key.endsWith(CLOCK_PART.hour)) continue;
    const name = key.slice(0, -CLOCK_PART.hour.length);
    const hour = form[key];
    const minute = form[name + CLOCK_PART.minute] ?? "";
    delete form[key];
    delete form[name + CLOCK_PART.minute];
    if (name in form || typeof hour !== "string" || typeof minute !== "string") continue;
    if (hour === "" && minute === "") form[name] = "";
    else form[name] = `${twoDigits(hour)}:${twoDigits(minute === "" ? "0" : minute)}`;
  }
}
