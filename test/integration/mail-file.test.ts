// Without SMTP_URL (a laptop, the e2e server) each message is written to the
// data folder's mail/ as an .eml file, with one line saying where.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { requestPasswordReset } from "@/lib/account/password-reset";
import { env } from "@/lib/env";
import { mailSettled } from "@/lib/mail/send";
import { makeUser } from "../helpers/factories";
import { linksIn, readableMail, subjectOf } from "../helpers/mail";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "attune-mail-"));
  delete process.env.SMTP_URL;
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it("writes each message as an .eml under ATTUNE_DATA_DIR/mail and says where", async () => {
  expect(env().SMTP_URL).toBeUndefined();
  vi.stubEnv("ATTUNE_DATA_DIR", dataDir);
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const u = await makeUser("Nia");
  await requestPasswordReset({ email: u.email }, { address: "192.0.2.1", now: new Date() });
  await mailSettled();

  const files = await readdir(path.join(dataDir, "mail"));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/\.eml$/);
  const file = path.join(dataDir, "mail", files[0]!);
  const raw = await readFile(file, "utf8");
  expect(readableMail(raw)).toContain(`To: ${u.email}`);
  expect(subjectOf(raw)).toBe("Choose a new Attune password");
  expect(raw).toMatch(/multipart\/alternative/);
  expect(raw).toMatch(/text\/plain/);
  expect(raw).toMatch(/text\/html/);
  expect(linksIn(raw, "reset-password")).toEqual([expect.stringMatching(/^http:\/\/localhost:\d+\/reset-password\//)]);
  const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith("[mail]"));
  expect(lines).toEqual([expect.stringContaining(file)]);
});
