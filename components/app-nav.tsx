"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";
import {
  BalanceIcon,
  CalendarIcon,
  HeartIcon,
  HomeIcon,
  MoonIcon,
  MoreIcon,
  NoteIcon,
  SettingsIcon,
} from "@/components/ui/icons";
import notesStyles from "@/components/notes/notes.module.css";
import { UnreadNotesBadge } from "@/components/notes/unread-badge";

type TPlace = { href: string; label: string; Icon: ComponentType<{ size?: number }> };

const PLACES: TPlace[] = [
  { href: "/tonight", label: "Tonight", Icon: MoonIcon },
  { href: "/nights", label: "Nights", Icon: CalendarIcon },
  { href: "/connect", label: "Connect", Icon: HeartIcon },
  { href: "/notes", label: "Notes", Icon: NoteIcon },
  { href: "/balance", label: "Balance", Icon: BalanceIcon },
  { href: "/household", label: "Household", Icon: HomeIcon },
  { href: "/settings", label: "Settings", Icon: SettingsIcon },
];

const PHONE_PLACES: TPlace[] = [...PLACES.slice(0, 4), { href: "/settings", label: "More", Icon: MoreIcon }];
// Places reached through "More" on a phone.
const UNDER_MORE = ["/settings", "/balance", "/household"];

const isAt = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * Two navigations, one shown at a time by CSS (display:none also hides the
 * other from screen readers): a side list of every place on wide screens, a
 * bottom bar of five on phones.
 */
export function AppNav({ householdId }: { householdId: string }) {
  const pathname = usePathname();
  // "3 new" beside Notes (unread notes, kept fresh by React Query); read out with the link's name.
  const badge = (href: string) => (href === "/notes" ? <UnreadNotesBadge householdId={householdId} /> : null);
  return (
    <>
      <nav className="side-nav" aria-label="Main">
        <ul>
          {PLACES.map(({ href, label, Icon }) => (
            <li key={href}>
              <Link href={href} aria-current={isAt(pathname, href) ? "page" : undefined}>
                <Icon />
                {label}
                {badge(href)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav className="bottom-nav" aria-label="Main">
        <ul>
          {PHONE_PLACES.map(({ href, label, Icon }) => {
            const more = label === "More";
            const current = isAt(pathname, href);
            const active = more ? UNDER_MORE.some((p) => isAt(pathname, p)) : current;
            return (
              <li key={label}>
                <Link href={href} aria-current={current ? "page" : undefined} data-active={active || undefined}>
                  <span className={notesStyles.navIcon}>
                    <Icon size={24} />
                    {more ? null : badge(href)}
                  </span>
                  <span className="nav-label">{label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
