"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ComponentType } from "react";
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
import { signOutAction } from "@/lib/account/actions";
import { UnreadNotesBadge } from "@/components/notes/unread-badge";
import styles from "./app-nav.module.css";

/** `place` names the link's label in the "nav" catalogue (nav.places.<place>). */
type TPlace = { href: string; place: string; Icon: ComponentType<{ size?: number }> };

const PLACES: TPlace[] = [
  { href: "/tonight", place: "tonight", Icon: MoonIcon },
  { href: "/nights", place: "nights", Icon: CalendarIcon },
  { href: "/connect", place: "connect", Icon: HeartIcon },
  { href: "/notes", place: "notes", Icon: NoteIcon },
  { href: "/balance", place: "balance", Icon: BalanceIcon },
  { href: "/household", place: "household", Icon: HomeIcon },
  { href: "/settings", place: "settings", Icon: SettingsIcon },
];

// A phone's bar holds the first four; the rest sit in the "More" sheet.
const PHONE_PLACES = PLACES.slice(0, 4);
const UNDER_MORE = PLACES.slice(4);

const isAt = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * Two navigations, one shown at a time by CSS (display:none also hides the
 * other from screen readers): a side list of every place on wide screens, a
 * bottom bar on phones with Tonight, Nights, Connect, Notes and "More".
 */
export function AppNav({ unreadNotes }: { unreadNotes: number }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  // "3 new" beside Notes (the shell's count of unread notes); read out with the link's name.
  const badge = (href: string) =>
    href === "/notes" ? <UnreadNotesBadge key={unreadNotes} count={unreadNotes} /> : null;
  return (
    <>
      <nav className="side-nav" aria-label={t("main")}>
        <ul>
          {PLACES.map(({ href, place, Icon }) => (
            <li key={href}>
              <Link href={href} aria-current={isAt(pathname, href) ? "page" : undefined}>
                <Icon />
                {t(`places.${place}`)}
                {badge(href)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav className="bottom-nav" aria-label={t("main")}>
        <ul>
          {PHONE_PLACES.map(({ href, place, Icon }) => (
            <li key={href}>
              <Link href={href} aria-current={isAt(pathname, href) ? "page" : undefined}>
                <span className={styles.navIcon}>
                  <Icon size={24} />
                  {badge(href)}
                </span>
                <span className="nav-label">{t(`places.${place}`)}</span>
              </Link>
            </li>
          ))}
          <li>
            <MoreSheet pathname={pathname} />
          </li>
        </ul>
      </nav>
    </>
  );
}

/**
 * "More" on a phone: a short sheet from the bottom (a modal <dialog>, so
 * focus moves into it, Escape closes it and focus returns to "More") with
 * Balance, Household, Settings and Sign out. A tap outside closes it too, and
 * so does going somewhere.
 */
function MoreSheet({ pathname }: { pathname: string }) {
  const t = useTranslations("nav");
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const active = UNDER_MORE.some((p) => isAt(pathname, p.href));
  const close = () => ref.current?.close();

  useEffect(() => {
    ref.current?.close();
  }, [pathname]);

  return (
    <>
      <button
        type="button"
        className="nav-more"
        aria-haspopup="dialog"
        data-active={active || undefined}
        onClick={() => ref.current?.showModal()}
      >
        <span className={styles.navIcon}>
          <MoreIcon size={24} />
        </span>
        <span className="nav-label">{t("more")}</span>
      </button>
      <dialog
        ref={ref}
        className={styles.sheet}
        aria-labelledby={headingId}
        // The backdrop is the dialog itself: a tap there (not on the sheet's content) closes it.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
      >
        <div className={styles.sheetBody}>
          <div className={styles.sheetHeader}>
            <h2 id={headingId}>{t("more")}</h2>
            <button type="button" className="button button-secondary" onClick={close}>
              {t("close")}
            </button>
          </div>
          <ul className={styles.sheetList}>
            {UNDER_MORE.map(({ href, place, Icon }) => (
              <li key={href}>
                <Link
                  href={href}
                  className={styles.sheetLink}
                  aria-current={isAt(pathname, href) ? "page" : undefined}
                  onClick={close}
                >
                  <Icon size={24} />
                  {t(`places.${place}`)}
                </Link>
              </li>
            ))}
          </ul>
          <form action={signOutAction} className={styles.signOut}>
            <button type="submit" className="button button-secondary button-block">
              {t("signOut")}
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
