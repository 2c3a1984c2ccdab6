import Link from "next/link";
import styles from "./connect.module.css";

export type TConnectTab = "day" | "week" | "history" | "library";

/** Day, week, history and library: plain links, the current one marked for screen readers too. */
export function ConnectTabs({ current }: { current: TConnectTab }) {
  const tabs: { id: TConnectTab; href: string; label: string }[] = [
    { id: "day", href: "/connect", label: "Today" },
    { id: "week", href: "/connect?view=week", label: "Week" },
    { id: "history", href: "/connect/history", label: "History" },
    { id: "library", href: "/connect/library", label: "Library" },
  ];
  return (
    <nav aria-label="Connect views">
      <ul className={styles.tabs}>
        {tabs.map((t) => (
          <li key={t.id}>
            <Link href={t.href} aria-current={t.id === current ? "page" : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Earlier / today / later links for a day or a week. */
export function StepNav({
  prev,
  next,
  today,
  prevLabel,
  nextLabel,
  todayLabel,
}: {
  prev: string;
  next: string;
  today: string | null;
  prevLabel: string;
  nextLabel: string;
  todayLabel: string;
}) {
  return (
    <div className={styles.nav}>
      <Link href={prev} className="button button-secondary">
        ← {prevLabel}
      </Link>
      {today ? (
        <Link href={today} className="button button-quiet">
          {todayLabel}
        </Link>
      ) : null}
      <Link href={next} className="button button-secondary">
        {nextLabel} →
      </Link>
    </div>
  );
}
