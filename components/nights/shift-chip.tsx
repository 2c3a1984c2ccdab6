import { useTranslations } from "next-intl";
import type { TNightShift } from "@/lib/nights/read-nights";
import type { TPerson } from "@/components/nights/people";
import styles from "@/components/nights/nights.module.css";
import { useFormat } from "@/components/format-provider";
import type { TFormat } from "@/lib/format";

/** The caregiver's colour class (six colours, repeating): always shown next to their name. */
export function colourClass(colour: number): string {
  return styles[`c${((colour % 6) + 6) % 6}`] ?? "";
}

/** A small square in the caregiver's colour: decorative, the name beside it carries the meaning. */
export function Swatch({ colour }: { colour: number }) {
  return <span className={`${styles.swatch} ${colourClass(colour)}`} aria-hidden="true" />;
}

/** Swatch plus name, optionally "(you)". */
export function PersonTag({ person, showYou = false }: { person: TPerson; showYou?: boolean }) {
  const t = useTranslations("nights");
  return (
    <span className={styles.person}>
      <Swatch colour={person.colour} />
      <span>
        {person.name}
        {showYou && person.isMe ? <span className="muted">{t("person.you")}</span> : null}
      </span>
    </span>
  );
}

/** "Sam 19–01" in the calendar; `full` gives "Sam 19:00–01:00". */
export function ShiftChip({
  shift,
  person,
  timeZone,
  full = false,
}: {
  shift: Pick<TNightShift, "start" | "end">;
  person: TPerson;
  timeZone: string;
  full?: boolean;
}) {
  const f = useFormat();
  const time = full ? f.clockIn : f.shortClockIn;
  return (
    <span className={`${styles.chip} ${colourClass(person.colour)}`} data-testid="shift-chip">
      <span className={styles.swatch} aria-hidden="true" />
      <span className={styles.chipName}>{person.name}</span>{" "}
      <span className={styles.chipTime}>
        {time(shift.start, timeZone)}–{time(shift.end, timeZone)}
      </span>
    </span>
  );
}

/**
 * Which part of a night someone can't do, as the values of the "can't" messages
 * (`part` selects the wording): "can't from 00:00", "can't until 02:00",
 * "can't 01:00–03:00", or just "can't" for the whole night.
 */
export type TAwayPart = { part: "whole" | "from" | "until" | "between"; start: string; end: string };

/** When someone can't do only part of a night: from, until or between two clock times. */
export function awayPart(
  away: { whole: boolean; start: string; end: string },
  night: { start: string; end: string },
  timeZone: string,
  f: Pick<TFormat, "clockIn">,
): TAwayPart {
  const [start, end] = [f.clockIn(away.start, timeZone), f.clockIn(away.end, timeZone)];
  if (away.whole) return { part: "whole", start, end };
  if (away.start > night.start && away.end >= night.end) return { part: "from", start, end };
  if (away.start <= night.start) return { part: "until", start, end };
  return { part: "between", start, end };
}

/** "Alex can't (from 00:00)" in the calendar: a dashed marker with a striped mark and the person's name. */
export function UnavailableMarker({ person, part }: { person: TPerson; part: TAwayPart }) {
  const t = useTranslations("nights");
  return (
    <span className={`${styles.unavailable} ${colourClass(person.colour)}`} data-testid="unavailable-marker">
      <span className={styles.chipName}>{person.name}</span>{" "}
      <span className={styles.unavailableWord}>{t("away.marker", part)}</span>
    </span>
  );
}

/** Who is who: every caregiver's colour with their name. */
export function CaregiverLegend({ people }: { people: TPerson[] }) {
  const t = useTranslations("nights");
  return (
    <ul className={styles.legend} aria-label={t("legend.label")} data-testid="caregiver-legend">
      {people.map((p) => (
        <li key={p.id}>
          <PersonTag person={p} showYou />
        </li>
      ))}
    </ul>
  );
}
