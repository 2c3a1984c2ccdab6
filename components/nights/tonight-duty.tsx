import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { TNight, TNightShift, TDuty } from "@/lib/nights/read-nights";
import { awayOn, peopleById, type TPerson } from "@/components/nights/people";
import { awayPart, PersonTag, ShiftChip, Swatch } from "@/components/nights/shift-chip";
import { CalendarIcon } from "@/components/ui/icons";
import styles from "@/components/nights/nights.module.css";
import { useServerFormat } from "@/components/format-provider";

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

/** The <who> tag of a duty sentence: name and swatch, or "you" (the message's words) for the reader. */
function whoTag(person: TPerson) {
  return function Who(chunks: ReactNode) {
    if (person.isMe) return <strong>{chunks}</strong>;
    return (
      <strong className={styles.whoInline}>
        <Swatch colour={person.colour} />
        {chunks}
      </strong>
    );
  };
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

/**
 * Tonight's answer in one sentence, for a half-asleep reader: who is on duty
 * now and until when, said from the reader's side ("You're off tonight").
 * Then who comes next.
 */
export function TonightDuty({ caregivers, nights, tonight, duty, timeZone, now }: TProps) {
  const t = useTranslations("nights");
  const f = useServerFormat();
  const who = peopleById(caregivers, t("people.someoneWhoLeft"));
  const all = nights.flatMap((n) => n.shifts).sort((a, b) => a.start.localeCompare(b.start));
  const nowIso = now.toISOString();
  const inProgress = nowIso >= tonight.start;
  const meTonight = tonight.shifts.some((s) => who(s.caregiverId).isMe);
  // A clock time in a sentence: the message gives the text ({start}/{end}), the tag its <time>.
  const at = (iso: string) =>
    function At(chunks: ReactNode) {
      return <time dateTime={iso}>{chunks}</time>;
    };

  if (!tonight.shifts.length) {
    return (
      <div className={styles.dutyEmpty}>
        <CalendarIcon size={32} />
        <p className={styles.dutyAnswer} data-testid="on-duty">
          {t("duty.emptyAnswer")}
        </p>
        <p>{t("duty.emptyHint")}</p>
        <Link href="/nights" className="button">
          {t("duty.emptyAction")}
        </Link>
      </div>
    );
  }

  // The shift the sentence is about: the one on now, or tonight's next one.
  const current = duty.onDuty;
  const upcomingTonight = tonight.shifts.find((s) => s.start > nowIso) ?? null;
  const subject = current ?? upcomingTonight;
  const run = subject ? runEnd(subject, all) : null;

  let sentence;
  if (current && run) {
    const p = who(current.caregiverId);
    const values = { name: p.name, end: f.clockIn(run.end, timeZone), who: whoTag(p), until: at(run.end) };
    if (p.isMe) sentence = t.rich("duty.onDutyMe", values);
    else if (!meTonight) sentence = t.rich("duty.offTonightNow", values);
    else sentence = t.rich("duty.onDutyNow", values);
  } else if (upcomingTonight && run && !inProgress) {
    const p = who(upcomingTonight.caregiverId);
    const values = {
      name: p.name,
      start: f.clockIn(upcomingTonight.start, timeZone),
      end: f.clockIn(run.end, timeZone),
      who: whoTag(p),
      from: at(upcomingTonight.start),
      until: at(run.end),
    };
    if (p.isMe) sentence = t.rich("duty.firstMe", values);
    else if (!meTonight) sentence = t.rich("duty.offTonightFirst", values);
    else sentence = t.rich("duty.firstUp", values);
  } else if (upcomingTonight) {
    const p = who(upcomingTonight.caregiverId);
    sentence = t.rich("duty.noOneNow", {
      isMe: yesNo(p.isMe),
      name: p.name,
      start: f.clockIn(upcomingTonight.start, timeZone),
      who: whoTag(p),
      from: at(upcomingTonight.start),
    });
  } else {
    sentence = t("duty.restOfTonight");
  }

  // Who comes after the subject's run (or, with nobody on, after now).
  const after = run ? run.end : nowIso;
  const nextShift =
    all.find((s) => s.start >= after && (!run || s.caregiverId !== run.caregiverId || s.start > run.end)) ?? null;
  let nextLine;
  if (!nextShift) {
    nextLine = t("duty.nothingAfter");
  } else {
    const p = who(nextShift.caregiverId);
    const night = nights.find((n) => n.shifts.includes(nextShift));
    const sameNight = night?.date === tonight.date;
    const handsOver = !!run && nextShift.start === run.end;
    nextLine = t.rich("duty.next", {
      isMe: yesNo(p.isMe),
      name: p.name,
      handsOver: yesNo(handsOver),
      sameNight: yesNo(sameNight || !night),
      weekday: night ? f.weekdayName(night.date) : "",
      start: f.clockIn(nextShift.start, timeZone),
      who: whoTag(p),
      from: at(nextShift.start),
    });
  }

  return (
    <div className={styles.duty}>
      <p className={styles.dutyAnswer} data-testid="on-duty">
        {sentence}
      </p>
      <p className={styles.dutyNext} data-testid="next-handover">
        {nextLine}
      </p>
      <ul className={styles.tonightShifts} aria-label={t("duty.shiftsLabel")}>
        {tonight.shifts.map((s) => (
          <li key={s.id}>
            <ShiftChip shift={s} person={who(s.caregiverId)} timeZone={timeZone} full />
          </li>
        ))}
      </ul>
      <p className="small">
        <Link href={`/nights/${tonight.date}`} className="button button-secondary">
          {t("duty.seeOrChange")}
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
  const t = useTranslations("nights");
  const f = useServerFormat();
  const who = peopleById(caregivers, t("people.someoneWhoLeft"));
  // A form can't sit inside a span: with actions, the boxes are divs.
  const Box = shiftExtra ? "div" : "span";
  return (
    <ul className={styles.upcoming} data-testid="upcoming-nights">
      {nights.map((n) => (
        <li key={n.date} data-testid="upcoming-night" data-date={n.date}>
          <Link href={`/nights/${n.date}`} className={styles.upcomingDay} prefetch={false}>
            {f.shortDay(n.date)}
          </Link>
          <span className="sr-only">: </span>
          <Box className={styles.upcomingWhat}>
            {n.shifts.length ? (
              <Box className={shiftExtra ? styles.upcomingShiftRows : styles.upcomingShifts}>
                {n.shifts.map((s, i) => (
                  <Box key={s.id} className={shiftExtra ? styles.upcomingShiftRow : undefined}>
                    <span>
                      {i ? <span className="sr-only">{t("upcoming.then")}</span> : null}
                      <PersonTag person={who(s.caregiverId)} />{" "}
                      <span className={styles.tabular}>
                        {f.clockIn(s.start, timeZone)}–{f.clockIn(s.end, timeZone)}
                      </span>
                    </span>
                    {shiftExtra?.(s, n)}
                  </Box>
                ))}
              </Box>
            ) : (
              <span className="muted">{t("upcoming.notPlanned")}</span>
            )}
            {awayOn(n).map((a) => {
              const person = who(a.caregiverId);
              return (
                <span key={a.caregiverId} className={`small muted ${styles.upcomingAway}`}>
                  <span className="sr-only">; </span>
                  {t("away.upcoming", { ...awayPart(a, n, timeZone, f), isMe: yesNo(person.isMe), name: person.name })}
                </span>
              );
            })}
          </Box>
        </li>
      ))}
    </ul>
  );
}
