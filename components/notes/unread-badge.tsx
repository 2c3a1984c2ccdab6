import styles from "@/components/app-nav.module.css";

/**
 * "3 new" beside Notes in the navigation (read out with the link's name). The
 * count is the signed-in layout's (loadShell): a partner's note ("note.changed"
 * on the live channel) refreshes the page and so the layout, and so does
 * marking notes read (MarkRead), so it stays fresh without a query of its own
 * (docs/decisions/0021-react-query-on-its-pages.md).
 */
export function UnreadNotesBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className={styles.navBadge} data-testid="nav-badge-notes">
      {count > 99 ? "99+" : count}
      <span className="sr-only"> new</span>
    </span>
  );
}
