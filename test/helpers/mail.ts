import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server on a random local port, keeping what it receives, for
// tests that read Attune's mail (point SMTP_URL at `url`). Also used by the
// e2e specs to read the .eml files the mail module writes without SMTP_URL.

export type TReceived = { to: string[]; raw: string };

export type TTestSmtp = { url: string; messages: TReceived[]; close: () => Promise<void> };

export async function startTestSmtp(): Promise<TTestSmtp> {
  const messages: TReceived[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A raw message's text with quoted-printable soft breaks and escapes undone (enough to find links and words). */
export function readableMail(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Every Attune link of this kind in a raw message (text and HTML parts both carry it). */
export function linksIn(raw: string, kind: "reset-password" | "confirm-email"): string[] {
  const re = new RegExp(`https?://[^\\s"<>]+/${kind}/[A-Za-z0-9_-]+`, "g");
  return [...new Set(readableMail(raw).match(re) ?? [])];
}

/** The secret at the end of a link. */
export const tokenOfLink = (link: string) => link.split("/").pop()!;

/** The Subject header. */
export const subjectOf = (raw: string) => /^Subject: (.*)$/m.exec(readableMail(raw))?.[1]?.trim() ?? "";
