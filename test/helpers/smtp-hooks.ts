import { afterAll, beforeAll } from "vitest";
import { mailSettled } from "@/lib/mail/send";
import { startTestSmtp, type TTestSmtp } from "./mail";

/**
 * A local SMTP server for the calling test file: started before its tests,
 * with SMTP_URL pointed at it before anything reads the environment (lib/env.ts
 * parses it once), and closed after the last message is sent. Read `url` and
 * `messages` inside tests. (Apart from ./mail.ts, which the e2e specs import
 * and which must not import Vitest.)
 */
export function smtpForThisFile(): Pick<TTestSmtp, "url" | "messages"> {
  let server: TTestSmtp | undefined;
  const started = () => {
    if (!server) throw new Error("smtpForThisFile: read it inside a test, after beforeAll");
    return server;
  };
  beforeAll(async () => {
    server = await startTestSmtp();
    process.env.SMTP_URL = server.url;
    process.env.MAIL_FROM = "Attune <attune@test.invalid>";
  });
  afterAll(async () => {
    await mailSettled();
    await server?.close();
  });
  return {
    get url() {
      return started().url;
    },
    get messages() {
      return started().messages;
    },
  };
}
