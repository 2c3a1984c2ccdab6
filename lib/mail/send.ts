import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// Attune's outgoing mail (docs/decisions/0025-mail.md). With SMTP_URL set,
// messages go out over SMTP; without it (a laptop, the e2e server) each one
// is written to <data folder>/mail/ as an .eml file, and one line says where.

export type TMail = { to: string; subject: string; text: string; html: string };

let smtp: { url: string; transport: Transporter } | undefined;
const inFlight = new Set<Promise<void>>();

/** The folder the launcher keeps local data in (scripts/launch.ts): ATTUNE_DATA_DIR, else .data. */
export function mailDir(): string {
  return path.join(path.resolve(process.cwd(), process.env.ATTUNE_DATA_DIR ?? ".data"), "mail");
}

/**
 * Sends in the background and never throws: the caller answers at once and
 * the same way whether or not a message goes out (a reply that waited for
 * SMTP would say by its timing whether an account exists). A failure is
 * logged for the operator; the person can ask again.
 */
export function sendMail(mail: TMail | Promise<TMail>): void {
  // A mail may still be on its way into its recipient's language (lib/mail/messages.ts).
  const p = Promise.resolve(mail)
    .then((m) =>
      deliver(m).catch((e: unknown) =>
        console.error(`[mail] could not send "${m.subject}":`, e instanceof Error ? e.message : e),
      ),
    )
    .catch((e: unknown) => console.error("[mail] could not write a mail:", e instanceof Error ? e.message : e))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

/** Waits for every message handed to sendMail so far (tests; a graceful shutdown). */
export async function mailSettled(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

async function deliver(mail: TMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  const message = { from: MAIL_FROM, ...mail };
  if (SMTP_URL) {
    if (smtp?.url !== SMTP_URL) smtp = { url: SMTP_URL, transport: nodemailer.createTransport(SMTP_URL) };
    await smtp.transport.sendMail(message);
    return;
  }
  const composed = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
    .sendMail(message);
  const dir = mailDir();
  await mkdir(dir, { recursive: true });
  // Sortable by time; the random part keeps two messages in one millisecond apart.
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}-${randomBytes(3).toString("hex")}.eml`);
  await writeFile(file, composed.message as Buffer, { mode: 0o600 });
  console.log(`[mail] no SMTP_URL: "${mail.subject}" to ${mail.to} written to ${file}`);
}

/** A link into Attune for a mail: AUTH_URL, else this server on localhost (never the request's Host header). */
export function linkTo(pathname: string): string {
  const base = env().AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(pathname, base).toString();
}
