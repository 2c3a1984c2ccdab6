// isoInZone (lib/time/local-time.ts): the export's instants, with the zone's
// offset at that instant, across DST changes and in odd zones; always the
// same moment as the UTC instant.
import { describe, expect, it } from "vitest";
import { isoInZone } from "@/lib/time/local-time";

describe("isoInZone", () => {
  it.each([
    ["2026-10-25T00:30:00.000Z", "Europe/London", "2026-10-25T01:30:00.000+01:00"], // first 01:30 (BST)
    ["2026-10-25T01:30:00.000Z", "Europe/London", "2026-10-25T01:30:00.000+00:00"], // the repeated 01:30 (GMT)
    ["2026-03-29T01:00:00.000Z", "Europe/Berlin", "2026-03-29T03:00:00.000+02:00"], // just after spring-forward
    ["2026-11-01T18:00:00.000Z", "Europe/Berlin", "2026-11-01T19:00:00.000+01:00"],
    ["2026-07-01T03:15:00.000Z", "America/New_York", "2026-06-30T23:15:00.000-04:00"], // a date behind UTC
    ["2026-01-10T12:00:00.000Z", "Asia/Kolkata", "2026-01-10T17:30:00.000+05:30"],
    ["2026-01-10T12:00:00.000Z", "Asia/Kathmandu", "2026-01-10T17:45:00.000+05:45"],
    ["2026-01-10T12:00:00.000Z", "UTC", "2026-01-10T12:00:00.000+00:00"],
  ])("%s in %s is %s", (utc, zone, local) => {
    const iso = isoInZone(new Date(utc), zone);
    expect(iso).toBe(local);
    expect(new Date(iso).getTime()).toBe(new Date(utc).getTime());
  });
});
