import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";
import { msg } from "@/lib/i18n/text";

// Expected failures travel as values, not exceptions: production builds hide
// thrown messages, and the user must see a real one next to the field.

export type TErrorCode =
  "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "throttled" | "network" | "unavailable";

export type TFieldErrors = Record<string, string[]>;

let english = (s: string) => s;
/** lib/i18n/english.ts: how a message reference (lib/i18n/text.ts) reads in British English, for logs and tests. */
export function setEnglish(render: (s: string) => string): void {
  english = render;
}

const mapFields = (fields: TFieldErrors, f: (s: string) => string): TFieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([k, list]) => [k, list.map(f)]));

/**
 * An expected refusal. `message` and `fieldErrors` read in British English
 * (logs, tests); `text` and `fieldTexts` keep the message references that
 * runDomain (lib/action.ts) puts into the asker's language.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fieldErrors?: TFieldErrors;
  readonly text: string;
  readonly fieldTexts?: TFieldErrors;

  constructor(code: TErrorCode, message: string, fieldErrors?: TFieldErrors) {
    super(english(message));
    this.name = "AppError";
    this.code = code;
    this.text = message;
    this.fieldTexts = fieldErrors;
    this.fieldErrors = fieldErrors && mapFields(fieldErrors, english);
  }

  /** The refusal in one language (`translate`: resolveText with that language's translator). */
  inLanguage(translate: (s: string) => string): { message: string; fieldErrors?: TFieldErrors } {
    return { message: translate(this.text), fieldErrors: this.fieldTexts && mapFields(this.fieldTexts, translate) };
  }
}

export const unauthenticated = () => new AppError("unauthenticated", msg("errors.signInAgain"));
export const forbidden = (message = msg("errors.noAccess")) => new AppError("forbidden", message);
/** `what`: a message reference naming the thing ("errors.what.note"), or none for "That". */
export const notFound = (what?: string) =>
  new AppError("not_found", what ? msg("errors.notFoundThing", { what }) : msg("errors.notFound"));
export const conflict = (message: string) => new AppError("conflict", message);
export const invalid = (message: string, fieldErrors?: TFieldErrors) => new AppError("invalid", message, fieldErrors);

/** What the phone shows when a request never reached Attune (components/ui/use-action.ts). */
export const NETWORK_MESSAGE = "We couldn't reach Attune. Check the connection and try again.";
export const networkError = () => new AppError("network", NETWORK_MESSAGE);

/** What a page or action says while the database is unreachable (lib/db.ts maps those errors here). */
export const UNAVAILABLE_MESSAGE =
  "Attune can't reach its database just now. It will be back in a moment; try again shortly.";
export { UNAVAILABLE_DIGEST };

/** The database is unreachable: not a bug, not the person's doing; retry later. */
export class DatabaseUnavailable extends AppError {
  readonly digest = UNAVAILABLE_DIGEST;
  constructor(readonly cause?: unknown) {
    super("unavailable", UNAVAILABLE_MESSAGE);
    this.name = "DatabaseUnavailable";
  }
}

export type TResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: TErrorCode; message: string; fieldErrors?: TFieldErrors };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
