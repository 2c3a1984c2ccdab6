import type { TNightShift } from "@/lib/nights/read-nights";
import type { TPerson } from "@/components/nights/people";
import styles from "@/components/nights/nights.module.css";
import { clockIn, shortClockIn } from "@/lib/format";

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
  return (
    <span className={styles.person}>
      <Swatch colour={person.colour} />
      <span>
        {person.name}
        {showYou && person.isMe ? <span className="muted"> (you)</span> : null}
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
  const time = full ? clockIn : shortClockIn;
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

/** When someone can't do only part of a night: "from 00:00", "until 02:00", "01:00–03:00". */
export function awayPart(
  away: { whole: boolean; start: string; end: string },
  night: { start: string; end: string },
  timeZone: string,
) {
  if (away.whole) return "";
  if (away.start > night.start && away.end >= night.end) return `from ${clockIn(away.start, timeZone)}`;
  if (away.start <= night.start) return `until ${clockIn(away.end, timeZone)}`;
  return `${clockIn(away.start, timeZone)}–${clockIn(away.end, timeZone)}`;
}

/** "Alex can't (from 00:00)" in the calendar: a dashed marker with a striped mark and the person's name. */
export function UnavailableMarker({ person, part }: { person: TPerson; part?: string }) {
  return (
    <span className={`${styles.unavailable} ${colourClass(person.colour)}`} data-testid="unavailable-marker">
      <span className={styles.chipName}>{person.name}</span>{" "}
      <span className={styles.unavailableWord}>can&apos;t{part ? ` ${part}` : ""}</span>
    </span>
  );
}

/** Who is who: every caregiver's colour with their name. */
export function CaregiverLegend({ people }: { people: TPerson[] }) {
  return (
    <ul className={styles.legend} aria-label="Caregivers" data-testid="caregiver-legend">
      {people.map((p) => (
        <li key={p.id}>
          <PersonTag person={p} showYou />
        </li>
      ))}
    </ul>
  );
}
