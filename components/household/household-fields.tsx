"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import type { TResult } from "@/lib/errors";
import { fieldErrors } from "@/components/ui/use-action";

export const HOUSEHOLD_FIELDS = ["name", "timeZone", "nightStart", "nightEnd"] as const;

type TDefaults = { name: string; timeZone?: string; nightStart: string; nightEnd: string };

/** Zones by their region ("Europe/Berlin" → Europe); a zone without one goes under `other`, the translated word. */
function groupZones(zones: string[], other: string): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const z of zones) {
    const region = z.includes("/") ? z.slice(0, z.indexOf("/")) : other;
    const list = groups.get(region) ?? [];
    list.push(z);
    groups.set(region, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const pretty = (zone: string) => zone.replaceAll("_", " ");

/**
 * Name, time zone and night window: shared by onboarding and the household
 * settings. Without a saved zone, the browser's own zone is chosen once the
 * page is running.
 */
export function HouseholdFields({
  defaults,
  zones,
  state,
}: {
  defaults: TDefaults;
  zones: string[];
  state: TResult<unknown> | null;
}) {
  const t = useTranslations("household.fields");
  const [timeZone, setTimeZone] = useState(defaults.timeZone ?? "UTC");
  const [browserZone, setBrowserZone] = useState<string | null>(null);

  useEffect(() => {
    if (defaults.timeZone) return;
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz) {
      setBrowserZone(tz);
      setTimeZone(tz);
    }
  }, [defaults.timeZone]);

  const otherRegion = t("otherRegion");
  const options = useMemo(() => {
    const extra = [timeZone, browserZone].filter((z): z is string => Boolean(z) && !zones.includes(z as string));
    return groupZones([...zones, ...new Set(extra)], otherRegion);
  }, [zones, timeZone, browserZone, otherRegion]);

  return (
    <>
      <TextField
        label={t("name")}
        name="name"
        defaultValue={defaults.name}
        autoComplete="off"
        required
        hint={t("nameHint")}
        errors={fieldErrors(state, "name")}
      />
      <SelectField
        label={t("timeZone")}
        name="timeZone"
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        hint={t("timeZoneHint")}
        errors={fieldErrors(state, "timeZone")}
      >
        {options.map(([region, list]) => (
          <optgroup key={region} label={region}>
            {list.map((z) => (
              <option key={z} value={z}>
                {pretty(z)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="field-row">
        <ClockField
          label={t("nightStart")}
          name="nightStart"
          defaultValue={defaults.nightStart}
          required
          errors={fieldErrors(state, "nightStart")}
        />
        <ClockField
          label={t("nightEnd")}
          name="nightEnd"
          defaultValue={defaults.nightEnd}
          required
          errors={fieldErrors(state, "nightEnd")}
        />
      </div>
      <p className="hint">{t("nightHint")}</p>
    </>
  );
}
