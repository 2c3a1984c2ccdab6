import type { TErrorCode } from "@/lib/errors";

export function httpStatusOf(code: TErrorCode): number {
  switch (code) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "throttled":
      return 429;
    case "invalid":
      return 400;
    case "network":
    case "unavailable":
      return 503;
  }
}
