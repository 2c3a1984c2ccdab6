import type { ReactNode } from "react";

/** A place that later work fills: a real heading, what will live here, and a calm empty state. */
export function ComingSoon({
  title,
  lead,
  emptyTitle,
  emptyText,
  icon,
  children,
}: {
  title: string;
  lead: string;
  emptyTitle: string;
  emptyText: ReactNode;
  icon: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page">
      <div className="page-header">
        <h1>{title}</h1>
        <p>{lead}</p>
      </div>
      <div className="empty-state" data-testid="empty-state">
        {icon}
        <strong>{emptyTitle}</strong>
        <p>{emptyText}</p>
      </div>
      {children}
    </div>
  );
}
