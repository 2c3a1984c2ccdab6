import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./connect.module.css";

export type TConnectTab = "day" | "week" | "history" | "library";

/** Day, week, history and library: plain links, the current one marked for screen readers too. */
export function ConnectTabs({ current }: { current: TConnectTab }) {
  const t = useTranslations("connect.tabs");
  const tabs: { id: TConnectTab; href: string }[] = [
    { id: "day", href: "/connect" },
    { id: "week", href: "/connect?view=week" },
    { id: "history", href: "/connect/history" },
    { id: "library", href: "/connect/library" },
  ];
  return (
    <nav aria-label={t("label")}>
      <ul className={styles.tabs}>
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link href={tab.href} aria-current={tab.id === current ? "page" : undefined}>
              {t(tab.id)}
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
