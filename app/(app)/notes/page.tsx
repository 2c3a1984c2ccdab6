import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { listNotes, type TNotesPage } from "@/lib/notes/read-notes";
import { getUnseenThanks } from "@/lib/notes/thanks";
import { ComposeNote } from "@/components/notes/compose-note";
import { NotesList } from "@/components/notes/notes-list";
import { ThanksReceived } from "@/components/notes/thanks-received";
import { Notice } from "@/components/ui/notice";
import styles from "@/components/notes/notes.module.css";
import { loadHousehold } from "@/lib/household/current";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notes.page");
  return { title: t("title") };
}

type TProps = { searchParams: Promise<{ q?: string | string[]; before?: string | string[] }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function NotesPage({ searchParams }: TProps) {
  await requireMemberOrRedirect("/notes");
  const { actor, membership, overview } = await loadHousehold();
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 100);
  const before = one(sp.before);
  const now = await requestNow();
  const t = await getTranslations("notes.page");
  const householdId = membership.householdId;
  let page: TNotesPage | null = null;
  let badCursor = false;
  try {
    page = await listNotes(actor, { householdId, q, before: before || undefined });
  } catch (e) {
    if (!isAppError(e) || e.code !== "invalid") throw e;
    badCursor = true;
  }
  const thanks = await getUnseenThanks(actor, { householdId });
  const tz = overview.household.timeZone;
  const searchHref = (extra: Record<string, string>) =>
    `/notes?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`;

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>

      <ThanksReceived householdId={householdId} thanks={thanks} />

      {!before ? <ComposeNote householdId={householdId} /> : null}

      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{q ? t("headingSearch", { q }) : before ? t("headingEarlier") : t("headingAll")}</h2>
        <form action="/notes" method="get" role="search" className={styles.search}>
          <div className="field">
            <label htmlFor="notes-q">{t("searchLabel")}</label>
            <input
              id="notes-q"
              name="q"
              type="search"
              className="input"
              defaultValue={q}
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="button button-secondary">
            {t("search")}
          </button>
          {q ? (
            <Link href="/notes" className="button button-secondary">
              {t("clear")}
            </Link>
          ) : null}
        </form>

        {badCursor || !page ? (
          <Notice tone="info">
            <p>{t.rich("badPage", { link: (chunks) => <Link href="/notes">{chunks}</Link> })}</p>
          </Notice>
        ) : (
          <>
            {page.pinned.length ? (
              <div className="subsection">
                <h3>{t("pinned")}</h3>
                <NotesList
                  householdId={householdId}
                  viewer={membership}
                  notes={page.pinned}
                  timeZone={tz}
                  now={now}
                  testId="pinned-notes"
                  label={t("pinnedLabel")}
                />
              </div>
            ) : null}
            <div className="subsection">
              {page.pinned.length ? <h3>{before ? t("earlier") : t("latest")}</h3> : null}
              <NotesList
                householdId={householdId}
                viewer={membership}
                notes={page.notes}
                timeZone={tz}
                now={now}
                label={q ? t("foundLabel") : t("newestLabel")}
                empty={
                  <p className="muted" data-testid="notes-empty">
                    {q
                      ? t("emptySearch")
                      : before
                        ? t("emptyEarlier")
                        : page.pinned.length
                          ? t("emptyOthers")
                          : t("empty")}
                  </p>
                }
              />
            </div>
            <nav className={styles.more} aria-label={t("moreLabel")}>
              {before ? (
                <Link href={searchHref({})} className="button button-secondary">
                  {t("latestLink")}
                </Link>
              ) : null}
              {page.older ? (
                <Link
                  href={searchHref({ before: page.older })}
                  className="button button-secondary"
                  data-testid="show-older"
                >
                  {t("earlierLink")}
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}
