// Small helpers for reading route search params (Next passes string | string[] | undefined).

export type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Encodes a path for a query string, leaving its slashes readable (`?next=/invite/abc`). */
export function encodeNext(next: string): string {
  return encodeURIComponent(next).replaceAll("%2F", "/");
}

export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeNext(next)}` : path;
}
