import type { TMail } from "@/lib/mail/send";

// What Attune says by email: kind, short, plain text plus a simple HTML twin.
// Each message is a list of paragraphs; a link gets its own paragraph.

type TPart = string | { link: string; label: string };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const SIGN_OFF = "Take care,\nAttune";

function compose(to: string, subject: string, parts: TPart[]): TMail {
  const all = [...parts, SIGN_OFF];
  const text = all.map((p) => (typeof p === "string" ? p : p.link)).join("\n\n") + "\n";
  const body = all
    .map((p) =>
      typeof p === "string"
        ? `<p>${escape(p).replace(/\n/g, "<br>")}</p>`
        : `<p><a href="${escape(p.link)}" style="display:inline-block;padding:10px 16px;background:#4b3f72;color:#fff;border-radius:8px;text-decoration:none">${escape(p.label)}</a></p>
<p style="font-size:13px;color:#555">Or copy this address into your browser:<br>${escape(p.link)}</p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:34em">
${body}
</body></html>
`;
  return { to, subject, text, html };
}

export function passwordResetMail(to: string, name: string, link: string, minutes: number): TMail {
  return compose(to, "Choose a new Attune password", [
    `Hello ${name},`,
    `Someone, hopefully you, asked to reset the password of your Attune account. This link lets you choose a new one. It works once, for the next ${minutes} minutes:`,
    { link, label: "Choose a new password" },
    "Setting a new password signs you out on every device, so you'll sign in again with it.",
    "If you didn't ask, you can ignore this email: your password stays as it is.",
  ]);
}

export function confirmNewEmailMail(to: string, name: string, link: string, hours: number): TMail {
  return compose(to, "Confirm your new Attune address", [
    `Hello ${name},`,
    `You asked to use this address for your Attune account. Open this link within ${hours} hours to confirm it; until then, nothing changes:`,
    { link, label: "Confirm this address" },
    "If you didn't ask, you can ignore this email.",
  ]);
}

export function emailChangeNoticeMail(to: string, name: string, newEmail: string): TMail {
  return compose(to, "Your Attune address may change", [
    `Hello ${name},`,
    `Someone signed in to your Attune account asked to use ${newEmail} instead of this address. We've sent a link there; the address changes only when it is opened.`,
    "If that was you, there's nothing to do here. If it wasn't, change your password in Settings and sign out of every device: the link stops working once the password changes.",
  ]);
}

export function emailTakenMail(to: string): TMail {
  return compose(to, "About your Attune address", [
    "Hello,",
    "Someone asked to move an Attune account to this address, but an account already uses it, so nothing changed.",
    "If that was you: you already have an account with this address. Sign in with it, or use “Forgot password?” on the sign-in page.",
    "If it wasn't you, you can ignore this email.",
  ]);
}

// ——— deleting a household (lib/household/delete-household.ts) ———

export function householdDeletionScheduledMail(
  to: string,
  name: string,
  d: { household: string; requestedBy: string; when: string; canCancel: boolean; householdLink: string },
): TMail {
  return compose(to, `${d.household} will be deleted on ${d.when}`, [
    `Hello ${name},`,
    `${d.requestedBy} asked to delete ${d.household} in Attune. On ${d.when} it goes for good, with its nights, wakings, notes, check-ins and plans.`,
    d.canCancel
      ? "If you'd rather keep it, you can cancel the deletion until then, as can any parent:"
      : "If you'd rather keep it, ask a parent: any parent can cancel the deletion until then.",
    ...(d.canCancel ? [{ link: d.householdLink, label: "Cancel deletion" }] : []),
    ...(d.canCancel ? ["To keep a copy, download your data from Settings before that day."] : []),
    "Your account stays either way: once the household is gone, you can sign in and create a new one, or join one with an invite.",
  ]);
}

export function householdDeletionCancelledMail(
  to: string,
  name: string,
  d: { household: string; cancelledBy: string },
): TMail {
  return compose(to, `${d.household} will not be deleted`, [
    `Hello ${name},`,
    `${d.cancelledBy} cancelled the deletion of ${d.household}. Nothing will be deleted; everything stays as it was.`,
  ]);
}

export function householdDeletedMail(to: string, name: string, d: { household: string }): TMail {
  return compose(to, `${d.household} has been deleted`, [
    `Hello ${name},`,
    `${d.household} has been deleted from Attune, as a parent asked a week ago: its nights, wakings, notes, check-ins and plans are gone.`,
    "Your account stays: sign in to create a new household, or join one with an invite.",
  ]);
}
