import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { nightsHref, type TCalendarRange } from "@/components/nights/calendar";
import styles from "@/components/nights/nights.module.css";
import { firstOfMonth, mondayOf } from "@/lib/time/local-date";

/**
 * The calendar's controls, all plain links (they work before JavaScript and
 * can be bookmarked): Week / Month, then Earlier, Today, Later (docs/copy.md).
 */
export function CalendarNav({ range, today }: { range: TCalendarRange; today: string }) {
  const t = useTranslations("nights");
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const unit = range.view === "week" ? "week" : "month";
  // Switching view keeps the reader near where they were: today's week when
  // today is in the month shown, otherwise the month's first week.
  const weekFrom =
    range.view === "month" ? (firstOfMonth(today) === range.anchor ? undefined : mondayOf(range.anchor)) : range.anchor;
  const monthFrom = range.view === "week" ? firstOfMonth(range.anchor) : range.anchor;
  const atToday = range.view === "week" ? range.anchor === mondayOf(today) : range.anchor === firstOfMonth(today);
  return (
    <div className={styles.toolbar}>
      <nav aria-label={t("nav.view")} className={styles.viewSwitch}>
        <Link href={nightsHref("week", weekFrom)} aria-current={range.view === "week" ? "page" : undefined}>
          {t("nav.week")}
        </Link>
        <Link
          href={nightsHref("month", monthFrom === firstOfMonth(today) ? undefined : monthFrom)}
          aria-current={range.view === "month" ? "page" : undefined}
        >
          {t("nav.month")}
        </Link>
      </nav>
      <nav aria-label={t("nav.change", { unit })} className={styles.stepper}>
        <Link href={nightsHref(range.view, range.previous)} className="button button-secondary" rel="prev">
          <span aria-hidden="true">‹</span> {t.rich("nav.earlier", { unit, sr })}
        </Link>
        <Link href={nightsHref(range.view)} className="button button-secondary" data-at-today={atToday || undefined}>
          {t("nav.today")}
        </Link>
        <Link href={nightsHref(range.view, range.next)} className="button button-secondary" rel="next">
          {t.rich("nav.later", { unit, sr })} <span aria-hidden="true">›</span>
        </Link>
      </nav>
    </div>
  );
}
