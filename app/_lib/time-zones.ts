import "server-only";

/** The IANA zones this server accepts (see isValidTimeZone), for the time zone pickers. */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}
