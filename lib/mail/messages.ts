import "server-only";
import type { TMail } from "@/lib/mail/send";
import { createServerFormat } from "@/lib/format";
import { DEFAULT_LOCALE, isAnyLocale, type TAnyLocale } from "@/lib/i18n/locales";
import { formatWords } from "@/lib/i18n/format-words";
import { msg, resolveText, type TTextValues } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translate";

// What Attune says by email: kind, short, plain text plus a simple HTML twin.
// Each message is a list of paragraphs; a link gets its own paragraph. It is
// written in its RECIPIENT's language (the catalogue's server-only "mail"
// namespace): the caller passes the recipient as `{ email, locale,
// householdLocale }` with the locale its own statement read (users.locale,
// households.locale for the clock); a bare address reads in British English.

/** Who a mail goes to: an address, or an address with the recipient's language and household clock. */
export type TRecipient = string | { email: string; locale?: string | null; householdLocale?: string | null };

type TPart = string | { link: string; label: string };
type TSay = (key: string, values?: TTextValues) => string;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const asLocale = (l: string | null | undefined): TAnyLocale | null => (isAnyLocale(l) ? l : null);

function readerOf(to: TRecipient): { email: string; locale: TAnyLocale; householdLocale: TAnyLocale } {
  if (typeof to === "string") return { email: to, locale: DEFAULT_LOCALE, householdLocale: DEFAULT_LOCALE };
  const locale = asLocale(to.locale) ?? asLocale(to.householdLocale) ?? DEFAULT_LOCALE;
  return { email: to.email, locale, householdLocale: asLocale(to.householdLocale) ?? locale };
}

async function wordsFor(to: TRecipient) {
  const r = readerOf(to);
  const t = await translatorFor(r.locale);
  const say: TSay = (key, values) => resolveText(t, msg(`mail.${key}`, values));
  const f = createServerFormat({
    locale: r.locale,
    householdLocale: r.householdLocale,
    words: formatWords((key, values) => t(`format.${key}`, values)),
  });
  return { email: r.email, say, f };
}

function compose(to: string, say: TSay, subject: string, parts: TPart[]): TMail {
  const all = [...parts, say("signOff")];
  const text = all.map((p) => (typeof p === "string" ? p : p.link)).join("\n\n") + "\n";
  const body = all
    .map((p) =>
      typeof p === "string"
        ? `<p>${escape(p).replace(/\n/g, "<br>")}</p>`
        : `<p><a href="${escape(p.link)}" style="display:inline-block;padding:10px 16px;background:#4b3f72;color:#fff;border-radius:8px;text-decoration:none">${escape(p.label)}</a></p>
<p style="font-size:13px;color:#555">${escape(say("copyLink"))}<br>${escape(p.link)}</p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:34em">
${body}
</body></html>
`;
  return { to, subject, text, html };
}

export async function passwordResetMail(to: TRecipient, name: string, link: string, minutes: number): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("passwordReset.subject"), [
    say("hello", { name }),
    say("passwordReset.intro", { minutes }),
    { link, label: say("passwordReset.button") },
    say("passwordReset.signsOut"),
    say("passwordReset.ignore"),
  ]);
}

export async function confirmNewEmailMail(to: TRecipient, name: string, link: string, hours: number): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("confirmEmail.subject"), [
    say("hello", { name }),
    say("confirmEmail.intro", { hours }),
    { link, label: say("confirmEmail.button") },
    say("confirmEmail.ignore"),
  ]);
}

export async function emailChangeNoticeMail(to: TRecipient, name: string, newEmail: string): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("changeNotice.subject"), [
    say("hello", { name }),
    say("changeNotice.intro", { newEmail }),
    say("changeNotice.notYou"),
  ]);
}

export async function emailTakenMail(to: TRecipient): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("emailTaken.subject"), [
    say("helloNoName"),
    say("emailTaken.intro"),
    say("emailTaken.wasYou"),
    say("emailTaken.notYou"),
  ]);
}

// ——— deleting a household (lib/household/delete-household.ts) ———

/** When: already in words (British English), or the instant and the household's zone, said in the recipient's words. */
type TWhen = string | { at: Date | string; timeZone: string };

export async function householdDeletionScheduledMail(
  to: TRecipient,
  name: string,
  d: { household: string; requestedBy: string; when: TWhen; canCancel: boolean; householdLink: string },
): Promise<TMail> {
  const { email, say, f } = await wordsFor(to);
  const when = typeof d.when === "string" ? d.when : f.longDayTimeIn(d.when.at, d.when.timeZone);
  const values = { household: d.household, requestedBy: d.requestedBy, when };
  return compose(email, say, say("deletionScheduled.subject", values), [
    say("hello", { name }),
    say("deletionScheduled.intro", values),
    d.canCancel ? say("deletionScheduled.canCancel") : say("deletionScheduled.askParent"),
    ...(d.canCancel ? [{ link: d.householdLink, label: say("deletionScheduled.button") }] : []),
    ...(d.canCancel ? [say("deletionScheduled.keepCopy")] : []),
    say("deletionScheduled.accountStays"),
  ]);
}

export async function householdDeletionCancelledMail(
  to: TRecipient,
  name: string,
  d: { household: string; cancelledBy: string },
): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("deletionCancelled.subject", d), [
    say("hello", { name }),
    say("deletionCancelled.intro", d),
  ]);
}

export async function householdDeletedMail(to: TRecipient, name: string, d: { household: string }): Promise<TMail> {
  const { email, say } = await wordsFor(to);
  return compose(email, say, say("deleted.subject", d), [
    say("hello", { name }),
    say("deleted.intro", d),
    say("deleted.accountStays"),
  ]);
}
