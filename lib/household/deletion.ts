// Deleting a household (docs/decisions/0031): the rules the server and the
// household page share. No server code here, so components can import it.

/** Days between a parent's request and the deletion, during which any parent can cancel. */
export const DELETION_GRACE_DAYS = 7;

const folded = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/**
 * Whether what a parent typed names the household. Spaces around and runs of
 * spaces inside don't count, nor does case: a phone keyboard capitalises the
 * first letter on its own, and typing the name is about meaning to, not
 * spelling (the grace period is the real safety).
 */
export function confirmsHouseholdName(typed: string, name: string): boolean {
  return typed.trim() !== "" && folded(typed) === folded(name);
}
