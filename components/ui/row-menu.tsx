"use client";

import { useId, type ReactNode } from "react";

/**
 * The one "⋯" menu for a list row's secondary acts (pin, remove, …), so a row
 * shows one quiet button instead of a wall of them. Built on the HTML popover
 * attribute: Escape and a tap outside close it, focus returns to the trigger,
 * and it needs no script of ours. Children are the menu's items; give each a
 * `className="row-menu-item"` (add `danger` for a destructive one, which must
 * still confirm or offer undo). A child that should close the menu when used
 * can call `closeRowMenu(event)`.
 */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  const id = `row-menu-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <div className="row-menu">
      <button
        type="button"
        className="row-menu-trigger"
        popoverTarget={id}
        aria-label={label}
        style={{ anchorName: `--${id}` } as React.CSSProperties}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        className="row-menu-popover"
        style={{ positionAnchor: `--${id}` } as React.CSSProperties}
      >
        {children}
      </div>
    </div>
  );
}

/** Closes the RowMenu that holds the event's target (after a menu item did its work). */
export function closeRowMenu(event: { currentTarget: Element }) {
  const popover = event.currentTarget.closest<HTMLElement>("[popover]");
  popover?.hidePopover();
}
