import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";

// Expected failures travel as values, not exceptions: production builds hide
// thrown messages, and the user must see a real one next to the field.

export type TErrorCode =
  "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "throttled" | "network" | "unavailable";

export type TFieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fieldErrors?: TFieldErrors;

  constructor(code: TErrorCode, message: string, fieldErrors?: TFieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const unauthenticated = () => new AppError("unauthenticated", "Please sign in again.");
export const forbidden = (message = "You don't have access to that.") => new AppError("forbidden", message);
export const notFound = (what = "That") => new AppError("not_found", `${what} could not be found.`);
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
