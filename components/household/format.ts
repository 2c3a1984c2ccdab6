// Deterministic formatting (fixed locale and zone) so server and browser agree.

const birthDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-09-14" → "14 September 2026". */
export function formatBirthDate(isoDate: string): string {
  return birthDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as a short date in the household's zone: "3 Dec". */
export function formatShortDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone }).format(new Date(iso));
}

export const ROLE_LABELS = { parent: "Parent", helper: "Helper" } as const;
