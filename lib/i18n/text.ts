// Words that lib/ writes (a refusal, a field message, a rota's reason, a
// warning) are catalogue messages too. lib/ can't translate: it doesn't know
// who will read the words. So it writes a *message reference*: a string that
// names a catalogue key and its values, and travels wherever a string does
// (an AppError, a zod issue, a view's field). Whoever shows it to a person
// resolves it in that person's language: runDomain for refusals (lib/action.ts),
// useText/getText for views (components/use-text.ts, lib/i18n/server.ts), the
// mail and push senders for their recipient. Pure and tiny: client bundles use it.

const MARK = "\uE000";

export type TTextValue = string | number;
export type TTextValues = Record<string, TTextValue>;

/** A reference to the catalogue message `key` with `values` (which may themselves be references). */
export function msg(key: string, values?: TTextValues): string {
  return MARK + JSON.stringify(values ? [key, values] : [key]);
}

export function isMsg(s: unknown): s is string {
  return typeof s === "string" && s.startsWith(MARK);
}

/** The key and values of a reference, or null for plain text. */
export function parseMsg(s: string): { key: string; values?: TTextValues } | null {
  if (!isMsg(s)) return null;
  try {
    const [key, values] = JSON.parse(s.slice(1)) as [string, TTextValues?];
    return typeof key === "string" ? { key, values } : null;
  } catch {
    return null;
  }
}

/** A translator as next-intl gives one without a namespace. */
export type TTranslate = (key: string, values?: TTextValues) => string;

/** The words for a reference in the translator's language; plain text (a name, a note) passes through. */
export function resolveText(t: TTranslate, s: string): string {
  const ref = parseMsg(s);
  if (!ref) return s;
  const values = ref.values
    ? Object.fromEntries(Object.entries(ref.values).map(([k, v]) => [k, typeof v === "string" ? resolveText(t, v) : v]))
    : undefined;
  return t(ref.key, values);
}
