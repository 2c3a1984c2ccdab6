import Link from "next/link";
import type { ReactNode } from "react";
import type { TNight, TNightShift, TDuty } from "@/lib/nights/read-nights";
import { awayOn, peopleById, type TPerson } from "@/components/nights/people";
import { awayPart, PersonTag, ShiftChip, Swatch } from "@/components/nights/shift-chip";
import { CalendarIcon } from "@/components/ui/icons";
import styles from "@/components/nights/nights.module.css";
import { clockIn, shortDay, weekdayName } from "@/lib/format";

type TProps = {
  caregivers: TPerson[];
  nights: TNight[];
  tonight: TNight;
  duty: TDuty;
  timeZone: string;
  now: Date;
};

/** The end of a caregiver's unbroken run from `shift` (their back-to-back shifts count as one). */
function runEnd(shift: TNightShift, all: TNightShift[]): TNightShift {
  let last = shift;
  for (;;) {
    const following = all.find((s) => s.caregiverId === last.caregiverId && s.start === last.end);
    if (!following) return last;
    last = following;
  }
}

/** Name and swatch, with "you" for the reader. */
function Who({ person, capital = false }: { person: TPerson; capital?: boolean }) {
  if (person.isMe) return <strong>{capital ? "You" : "you"}</strong>;
  return (
    <strong className={styles.whoInline}>
      <Swatch colour={person.colour} />
      {person.name}
    </strong>
  );
}

/**
 * Tonight's answer in one sentence, for a half-asleep reader: who is on duty
 * now and until when, said from the reader's side ("You're off tonight").
 * Then who comes next.
 */
export function TonightDuty({ caregivers, nights, tonight, duty, timeZone, now }: TProps) {
  const who = peopleById(caregivers);
  const all = nights.flatMap((n) => n.shifts).sort((a, b) => a.start.localeCompare(b.start));
  const t = now.toISOString();
  const inProgress = t >= tonight.start;
  const meTonight = tonight.shifts.some((s) => who(s.caregiverId).isMe);
  const at = (iso: string) => <time dateTime={iso}>{clockIn(iso, timeZone)}</time>;

  if (!tonight.shifts.length) {
    return (
      <div className={styles.dutyEmpty}>
        <CalendarIcon size={32} />
        <p className={styles.dutyAnswer} data-testid="on-duty">
          No one is on duty tonight yet.
        </p>
        <p>Decide together who takes tonight, or let a rota take turns for you. It only takes a minute.</p>
        <Link href="/nights" className="button">
          Plan the nights
        </Link>
      </div>
    );
  }

  // The shift the sentence is about: the one on now, or tonight's next one.
  const current = duty.onDuty;
  const upcomingTonight = tonight.shifts.find((s) => s.start > t) ?? null;
  const subject = current ?? upcomingTonight;
  const run = subject ? runEnd(subject, all) : null;

  let sentence;
  if (current && run) {
    const p = who(current.caregiverId);
    if (p.isMe) sentence = <>You&apos;re on duty until {at(run.end)}.</>;
    else if (!meTonight)
      sentence = (
        <>
          You&apos;re off tonight — <Who person={p} /> has it until {at(run.end)}.
        </>
      );
    else
      sentence = (
        <>
          On duty now: <Who person={p} />, until {at(run.end)}.
        </>
      );
  } else if (upcomingTonight && run && !inProgress) {
    const p = who(upcomingTonight.caregiverId);
    if (p.isMe)
      sentence = (
        <>
          You&apos;re on first tonight, {at(upcomingTonight.start)} until {at(run.end)}.
        </>
      );
    else if (!meTonight)
      sentence = (
        <>
          You&apos;re off tonight — <Who person={p} /> has it from {at(upcomingTonight.start)} until {at(run.end)}.
        </>
      );
    else
      sentence = (
        <>
          First up tonight: <Who person={p} />, {at(upcomingTonight.start)} until {at(run.end)}.
        </>
      );
  } else if (upcomingTonight) {
    const p = who(upcomingTonight.caregiverId);
    sentence = (
      <>
        No one is on duty right now. <Who person={p} capital /> {p.isMe ? "start" : "starts"} at{" "}
        {at(upcomingTonight.start)}.
      </>
    );
  } else {
    sentence = <>No one is on duty for the rest of tonight.</>;
  }

  // Who comes after the subject's run (or, with nobody on, after now).
  const after = run ? run.end : t;
  const nextShift =
    all.find((s) => s.start >= after && (!run || s.caregiverId !== run.caregiverId || s.start > run.end)) ?? null;
  let nextLine;
  if (!nextShift) {
    nextLine = <>Nothing is planned after that yet.</>;
  } else {
    const p = who(nextShift.caregiverId);
    const night = nights.find((n) => n.shifts.includes(nextShift));
    const sameNight = night?.date === tonight.date;
    const handsOver = run && nextShift.start === run.end;
    const verb = p.isMe ? (handsOver ? "take over" : "start") : handsOver ? "takes over" : "starts";
    nextLine = (
      <>
        Next: <Who person={p} /> {verb} {sameNight || !night ? "at " : `on ${weekdayName(night.date)} night at `}
        {at(nextShift.start)}.
      </>
    );
  }

  return (
    <div className={styles.duty}>
      <p className={styles.dutyAnswer} data-testid="on-duty">
        {sentence}
      </p>
      <p className={styles.dutyNext} data-testid="next-handover">
        {nextLine}
      </p>
      <ul className={styles.tonightShifts} aria-label="Tonight's shifts">
        {tonight.shifts.map((s) => (
          <li key={s.id}>
            <ShiftChip shift={s} person={who(s.caregiverId)} timeZone={timeZone} full />
          </li>
        ))}
      </ul>
      <p className="small">
        <Link href={`/nights/${tonight.date}`} className="button button-secondary">
          See or change tonight
        </Link>
      </p>
    </div>
  );
}

/**
 * The six nights after tonight, one line each. `shiftExtra` adds something
 * after each shift (Tonight puts "Ask to swap" there); the shifts then go one per line.
 */
export function UpcomingNights({
  caregivers,
  nights,
  timeZone,
  shiftExtra,
}: {
  caregivers: TPerson[];
  nights: TNight[];
  timeZone: string;
  shiftExtra?: (shift: TNightShift, night: TNight) => ReactNode;
}) {
  const who = peopleById(caregivers);
  // A form can't sit inside a span: with actions, the boxes are divs.
  const Box = shiftExtra ? "div" : "span";
  return (
    <ul className={styles.upcoming} data-testid="upcoming-nights">
      {nights.map((n) => (
        <li key={n.date} data-testid="upcoming-night" data-date={n.date}>
          <Link href={`/nights/${n.date}`} className={styles.upcomingDay} prefetch={false}>
            {shortDay(n.date)}
          </Link>
          <span className="sr-only">: </span>
          <Box className={styles.upcomingWhat}>
            {n.shifts.length ? (
              <Box className={shiftExtra ? styles.upcomingShiftRows : styles.upcomingShifts}>
                {n.shifts.map((s, i) => (
                  <Box key={s.id} className={shiftExtra ? styles.upcomingShiftRow : undefined}>
                    <span>
                      {i ? <span className="sr-only">, then </span> : null}
                      <PersonTag person={who(s.caregiverId)} />{" "}
                      <span className={styles.tabular}>
                        {clockIn(s.start, timeZone)}–{clockIn(s.end, timeZone)}
                      </span>
                    </span>
                    {shiftExtra?.(s, n)}
                  </Box>
                ))}
              </Box>
            ) : (
              <span className="muted">Not planned yet</span>
            )}
            {awayOn(n).map((a) => {
              const part = awayPart(a, n, timeZone);
              return (
                <span key={a.caregiverId} className={`small muted ${styles.upcomingAway}`}>
                  <span className="sr-only">; </span>
                  {who(a.caregiverId).isMe ? "You" : who(a.caregiverId).name} can&apos;t{part ? ` ${part}` : ""}
                </span>
              );
            })}
          </Box>
        </li>
      ))}
    </ul>
  );
}
