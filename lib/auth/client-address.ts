/**
 * The client's address as the nearest proxy saw it. Behind a load balancer set
 * it to overwrite X-Forwarded-For (see README, Deploy); locally Next sets it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
