// Accounts that can be recovered: forgot / reset password (public by nature:
// whoever asks is signed out, so they must not leak), and Settings' change
// password / change email / confirm email (one's own account only). The mail
// goes to a real SMTP server on a random port, read back here.
import { beforeEach, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import {
  changeEmailAction,
  changePasswordAction,
  confirmEmailChangeAction,
  forgotPasswordAction,
  resetPasswordAction,
} from "@/lib/account/actions";
import { LINK_PROBLEM } from "@/lib/account/account-tokens";
import { checkCredentials } from "@/lib/account/check-credentials";
import { resolveActor } from "@/lib/auth/session";
import { openSession } from "@/lib/auth/sessions";
import { MAIL_ADDRESS_LIMIT, MAIL_TO_LIMIT } from "@/lib/auth/throttle";
import { TEST_CLOCK_COOKIE } from "@/lib/clock";
import { env } from "@/lib/env";
import { mailSettled } from "@/lib/mail/send";
import { hashSecretToken } from "@/lib/tokens";
import { claimsOf, dumpTables, makeUser, PASSWORD, signInAs, toForm, type TTestUser } from "../helpers/factories";
import { smtpForThisFile } from "../helpers/smtp-hooks";
import { describeAction } from "../helpers/describe-endpoint";
import { linksIn, readableMail, subjectOf, tokenOfLink } from "../helpers/mail";
import { expectEndpointRefused } from "../helpers/refused";
import { fakeRequest, RedirectSignal } from "../helpers/request";
import { english } from "@/lib/i18n/english";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const NEW_PASSWORD = "a brand new night-time passphrase";
// The mail goes to a local reader, not to .data/mail.
const smtp = smtpForThisFile();
let n = 0;

beforeEach(() => {
  smtp.messages.length = 0;
  // Each test from its own client address, so the per-address mail counts don't add up across tests.
  fakeRequest.headers = { "x-forwarded-for": `198.51.100.${++n}` };
});

/** Every message sent so far, once the background sends have finished. */
async function mail() {
  await mailSettled();
  return smtp.messages;
}

async function redirectOf(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof RedirectSignal) return `redirect:${e.url}`;
    throw e;
  }
}

/** Asks for a reset link for this account, and returns its secret as read from the mail. */
async function resetTokenFor(u: TTestUser): Promise<string> {
  const before = smtp.messages.length;
  expect(await forgotPasswordAction(null, toForm({ email: u.email }))).toMatchObject({ ok: true });
  const sent = (await mail()).slice(before);
  expect(sent).toHaveLength(1);
  const [link] = linksIn(sent[0]!.raw, "reset-password");
  return tokenOfLink(link!);
}

/** Moves this request's clock (lib/clock.ts: the test clock cookie, honoured with ATTUNE_TEST_CLOCK=1). */
function clockAt(at: Date) {
  vi.stubEnv("ATTUNE_TEST_CLOCK", "1");
  fakeRequest.cookieJar.set(TEST_CLOCK_COOKIE, at.toISOString());
}

const passwordWorks = async (email: string, password: string) =>
  (await checkCredentials({ email, password, address: `192.0.2.${++n % 250}` })).ok;

describeAction(
  "forgotPasswordAction",
  () => {
    it("mails one link to the account's address; only the secret's hash is stored, expiring in 30 minutes", async () => {
      expect(env().SMTP_URL).toBe(smtp.url);
      const u = await makeUser("Rae");
      expect(await forgotPasswordAction(null, toForm({ email: ` ${u.email.toUpperCase()} ` }))).toEqual({
        ok: true,
        data: undefined,
      });
      const sent = await mail();
      expect(sent).toHaveLength(1);
      expect(sent[0]!.to).toEqual([u.email]);
      expect(subjectOf(sent[0]!.raw)).toBe("Choose a new Attune password");
      expect(readableMail(sent[0]!.raw)).toMatch(/From: Attune <attune@test\.invalid>/);
      const links = linksIn(sent[0]!.raw, "reset-password");
      expect(links).toHaveLength(1);
      const token = tokenOfLink(links[0]!);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
      const rows = await getDb().accountToken.findMany({ where: { userId: u.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ purpose: "password_reset", usedAt: null, tokenHash: hashSecretToken(token) });
      expect(rows[0]!.tokenHash).not.toBe(token);
      expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
      expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
      expect(JSON.stringify(await dumpTables())).not.toContain(token);
    });

    it("answers an unknown address exactly as a known one, sends nothing and writes nothing", async () => {
      const u = await makeUser("Sol");
      const known = await forgotPasswordAction(null, toForm({ email: u.email }));
      await mail();
      smtp.messages.length = 0;
      const before = await dumpTables();
      const unknown = await forgotPasswordAction(null, toForm({ email: "nobody-at-all@example.com" }));
      expect(unknown).toEqual(known);
      expect(await mail()).toEqual([]);
      expect(await dumpTables()).toEqual(before);
    });

    it("throttles per address asked about (from many connections), unknown and known alike", async () => {
      const u = await makeUser("Tam");
      for (const email of [u.email, "ghost-tam@example.com"]) {
        for (let i = 0; i < MAIL_TO_LIMIT.points; i++) {
          fakeRequest.headers = { "x-forwarded-for": `203.0.113.${++n % 250}` };
          expect(await forgotPasswordAction(null, toForm({ email }))).toMatchObject({ ok: true });
        }
        fakeRequest.headers = { "x-forwarded-for": `203.0.113.${++n % 250}` };
        await mail();
        const sentBefore = smtp.messages.length;
        const before = await dumpTables();
        expect(await forgotPasswordAction(null, toForm({ email }))).toMatchObject({ ok: false, code: "throttled" });
        expect(await dumpTables()).toEqual(before);
        expect((await mail()).length).toBe(sentBefore);
      }
    });

    it("throttles per client address, and not other addresses", async () => {
      for (let i = 0; i < MAIL_ADDRESS_LIMIT.points; i++)
        await forgotPasswordAction(null, toForm({ email: `spray${i}@example.com` }));
      expect(await forgotPasswordAction(null, toForm({ email: "one-more@example.com" }))).toMatchObject({
        ok: false,
        code: "throttled",
        message: expect.stringMatching(/try again/),
      });
      fakeRequest.headers = { "x-forwarded-for": "198.51.100.250" };
      expect(await forgotPasswordAction(null, toForm({ email: "one-more@example.com" }))).toMatchObject({ ok: true });
    });

    it.each([
      [{ email: "nope" }],
      [{ email: "" }],
      [{}],
      [{ email: "a\u0000b@example.com" }],
      [{ email: "x".repeat(300) }],
    ])("refuses bad input %# with a message on the field, writes and sends nothing", async (input) => {
      const before = await dumpTables();
      const r = await forgotPasswordAction(null, toForm(input));
      expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: [expect.any(String)] } });
      expect(await dumpTables()).toEqual(before);
      expect(await mail()).toEqual([]);
    });
  },
  { public: "used signed out by nature; shown above not to tell whether an account exists" },
);

describeAction(
  "resetPasswordAction",
  () => {
    it("sets the new password once, ends every session of the account, and not another account's", async () => {
      const u = await makeUser("Uri");
      const other = await makeUser("Val");
      const laptop = await claimsOf(u);
      const phone = { ...laptop, sessionId: await openSession(u.id, "Mozilla/5.0 (iPhone)") };
      const othersSession = await claimsOf(other);
      const token = await resetTokenFor(u);

      expect(await redirectOf(resetPasswordAction(null, toForm({ token, password: NEW_PASSWORD })))).toBe(
        "redirect:/sign-in?reset=1",
      );
      expect(await resolveActor(laptop)).toBeNull();
      expect(await resolveActor(phone)).toBeNull();
      expect(await getDb().session.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
      expect(await resolveActor(othersSession)).toMatchObject({ userId: other.id });
      expect(await passwordWorks(u.email, NEW_PASSWORD)).toBe(true);
      expect(await passwordWorks(u.email, PASSWORD)).toBe(false);
      expect(await passwordWorks(other.email, PASSWORD)).toBe(true);

      // The same link again: refused, nothing changes.
      const before = await dumpTables();
      expect(await resetPasswordAction(null, toForm({ token, password: "yet another passphrase" }))).toEqual({
        ok: false,
        code: "invalid",
        message: english(LINK_PROBLEM),
      });
      expect(await dumpTables()).toEqual(before);
      expect(await passwordWorks(u.email, NEW_PASSWORD)).toBe(true);
    });

    it("refuses an expired link (31 minutes later) and changes nothing; 29 minutes later it still works", async () => {
      const u = await makeUser("Wyn");
      const token = await resetTokenFor(u);
      clockAt(new Date(Date.now() + 31 * 60_000));
      const before = await dumpTables();
      expect(await resetPasswordAction(null, toForm({ token, password: NEW_PASSWORD }))).toMatchObject({
        ok: false,
        code: "invalid",
        message: english(LINK_PROBLEM),
      });
      expect(await dumpTables()).toEqual(before);
      clockAt(new Date(Date.now() + 29 * 60_000));
      expect(await redirectOf(resetPasswordAction(null, toForm({ token, password: NEW_PASSWORD })))).toBe(
        "redirect:/sign-in?reset=1",
      );
    });

    it("refuses an unknown or malformed link, and a weak password, without using the link", async () => {
      const u = await makeUser("Xan");
      const token = await resetTokenFor(u);
      const before = await dumpTables();
      for (const bad of ["A".repeat(43), "short", "", "x".repeat(5000), `${token}\u0000`])
        expect(await resetPasswordAction(null, toForm({ token: bad, password: NEW_PASSWORD }))).toMatchObject({
          ok: false,
          code: "invalid",
        });
      for (const password of ["short", "password123", ""])
        expect(await resetPasswordAction(null, toForm({ token, password }))).toMatchObject({
          ok: false,
          code: "invalid",
          fieldErrors: { password: [expect.any(String)] },
        });
      expect(await resetPasswordAction(null, toForm({}))).toMatchObject({ ok: false, code: "invalid" });
      expect(await dumpTables()).toEqual(before);
      expect(await redirectOf(resetPasswordAction(null, toForm({ token, password: NEW_PASSWORD })))).toBe(
        "redirect:/sign-in?reset=1",
      );
    });

    it("a newer password (changed in Settings) retires the links still out", async () => {
      const u = await makeUser("Yul");
      const token = await resetTokenFor(u);
      await signInAs(u);
      expect(
        await changePasswordAction(null, toForm({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })),
      ).toMatchObject({ ok: true });
      expect(await resetPasswordAction(null, toForm({ token, password: "the attacker's choice" }))).toMatchObject({
        ok: false,
        message: english(LINK_PROBLEM),
      });
    });
  },
  { public: "used signed out by nature: the link's secret is the proof; shown above to change nothing without it" },
);

describeAction("changePasswordAction", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectEndpointRefused(
      null,
      () => changePasswordAction(null, toForm({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })),
      "unauthenticated",
    );
  });

  it("refuses a wrong current password with a message on that field, and changes nothing", async () => {
    const u = await makeUser("Zia");
    await signInAs(u);
    const before = await dumpTables();
    expect(
      await changePasswordAction(null, toForm({ currentPassword: "not my password", newPassword: NEW_PASSWORD })),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await dumpTables()).toEqual(before);
    expect(await passwordWorks(u.email, PASSWORD)).toBe(true);
  });

  it("refuses a new password that breaks sign-up's rules, and changes nothing", async () => {
    const u = await makeUser("Abe");
    for (const newPassword of ["short", "password123", "x".repeat(129)])
      await expectEndpointRefused(
        u,
        () => changePasswordAction(null, toForm({ currentPassword: PASSWORD, newPassword })),
        "invalid",
      );
  });

  it("changes the hash, signs out the other devices and keeps this one", async () => {
    const u = await makeUser("Bo");
    await signInAs(u);
    const here = fakeRequest.claims!;
    const phone = { ...here, sessionId: await openSession(u.id, "Mozilla/5.0 (Linux; Android 14) Chrome/131.0") };
    const hashBefore = (await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    expect(
      await changePasswordAction(null, toForm({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })),
    ).toMatchObject({ ok: true });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).not.toBe(hashBefore);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await resolveActor(here)).toMatchObject({ userId: u.id });
    expect(await resolveActor(phone)).toBeNull();
    expect(await passwordWorks(u.email, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(u.email, PASSWORD)).toBe(false);
    expect(fakeRequest.revalidated).toContain("/settings");
  });
});

describeAction("changeEmailAction", () => {
  it("refuses a signed-out visitor, writes and sends nothing", async () => {
    await expectEndpointRefused(
      null,
      () => changeEmailAction(null, toForm({ currentPassword: PASSWORD, newEmail: "new@example.com" })),
      "unauthenticated",
    );
    expect(await mail()).toEqual([]);
  });

  it("refuses a wrong current password, writes and sends nothing", async () => {
    const u = await makeUser("Cat");
    await expectEndpointRefused(
      u,
      () => changeEmailAction(null, toForm({ currentPassword: "wrong one", newEmail: "cat-new@example.com" })),
      "invalid",
    );
    expect(await mail()).toEqual([]);
  });

  it("refuses bad input with a message on the field", async () => {
    const u = await makeUser("Dot");
    for (const newEmail of ["nope", "", u.email, "a\u0000@example.com"])
      await expectEndpointRefused(
        u,
        () => changeEmailAction(null, toForm({ currentPassword: PASSWORD, newEmail })),
        "invalid",
      );
    expect(await mail()).toEqual([]);
  });

  it("mails a link to the new address and a notice to the old; the address changes only when the link is opened", async () => {
    const u = await makeUser("Eli");
    const newEmail = `eli-new-${n}@example.com`;
    await signInAs(u);
    expect(await changeEmailAction(null, toForm({ currentPassword: PASSWORD, newEmail }))).toEqual({
      ok: true,
      data: { sentTo: newEmail },
    });
    const sent = await mail();
    expect(sent.map((m) => m.to[0]).sort()).toEqual([u.email, newEmail].sort());
    const confirm = sent.find((m) => m.to[0] === newEmail)!;
    const notice = sent.find((m) => m.to[0] === u.email)!;
    expect(subjectOf(confirm.raw)).toBe("Confirm your new Attune address");
    expect(readableMail(notice.raw)).toContain(newEmail);
    expect(linksIn(notice.raw, "confirm-email")).toEqual([]); // the old address never gets the link
    const [link] = linksIn(confirm.raw, "confirm-email");
    const token = tokenOfLink(link!);
    const row = await getDb().accountToken.findFirstOrThrow({ where: { userId: u.id, purpose: "email_change" } });
    expect(row.tokenHash).toBe(hashSecretToken(token));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(23.9 * 3_600_000);

    // Not yet.
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).email).toBe(u.email);
    expect(await confirmEmailChangeAction(null, toForm({ token }))).toEqual({ ok: true, data: { email: newEmail } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).email).toBe(newEmail);
    expect(await passwordWorks(newEmail, PASSWORD)).toBe(true);
    expect(await resolveActor(fakeRequest.claims)).toMatchObject({ email: newEmail });
  });

  it("answers a taken address the same, changes nothing, and tells that address an account already exists", async () => {
    const u = await makeUser("Fin");
    const owner = await makeUser("Gil");
    await signInAs(u);
    const before = await dumpTables();
    expect(await changeEmailAction(null, toForm({ currentPassword: PASSWORD, newEmail: owner.email }))).toEqual({
      ok: true,
      data: { sentTo: owner.email },
    });
    expect(await dumpTables()).toEqual(before);
    const sent = await mail();
    expect(sent.map((m) => m.to[0]).sort()).toEqual([u.email, owner.email].sort());
    const note = sent.find((m) => m.to[0] === owner.email)!;
    expect(readableMail(note.raw)).toMatch(/an account already uses it/);
    expect(linksIn(note.raw, "confirm-email")).toEqual([]);
  });
});

describeAction("confirmEmailChangeAction", () => {
  async function linkFor(u: TTestUser, newEmail: string): Promise<string> {
    await signInAs(u);
    expect(await changeEmailAction(null, toForm({ currentPassword: PASSWORD, newEmail }))).toMatchObject({ ok: true });
    const confirm = (await mail()).find((m) => m.to[0] === newEmail)!;
    return tokenOfLink(linksIn(confirm.raw, "confirm-email")[0]!);
  }

  it("refuses a signed-out visitor and writes nothing", async () => {
    const u = await makeUser("Hal");
    const token = await linkFor(u, `hal-new-${n}@example.com`);
    await expectEndpointRefused(null, () => confirmEmailChangeAction(null, toForm({ token })), "unauthenticated");
  });

  it("refuses another account's link: nothing changes for either", async () => {
    const u = await makeUser("Ida");
    const stranger = await makeUser("Jo");
    const token = await linkFor(u, `ida-new-${n}@example.com`);
    await expectEndpointRefused(stranger, () => confirmEmailChangeAction(null, toForm({ token })), "invalid");
  });

  it("works once, and not after 24 hours", async () => {
    const u = await makeUser("Kai");
    const token = await linkFor(u, `kai-new-${n}@example.com`);
    clockAt(new Date(Date.now() + 24 * 3_600_000 + 60_000));
    await expectEndpointRefused(u, () => confirmEmailChangeAction(null, toForm({ token })), "invalid");
    clockAt(new Date(Date.now() + 23 * 3_600_000));
    expect(await confirmEmailChangeAction(null, toForm({ token }))).toMatchObject({ ok: true });
    await expectEndpointRefused(u, () => confirmEmailChangeAction(null, toForm({ token })), "invalid");
  });

  it("refuses when the address was taken meanwhile, and changes nothing", async () => {
    const u = await makeUser("Lux");
    const wanted = `lux-new-${n}@example.com`;
    const token = await linkFor(u, wanted);
    await makeUser("Someone").then((s) => getDb().user.update({ where: { id: s.id }, data: { email: wanted } }));
    await expectEndpointRefused(u, () => confirmEmailChangeAction(null, toForm({ token })), "conflict");
  });

  it("refuses malformed tokens without an error page", async () => {
    const u = await makeUser("Mo");
    for (const token of ["", "nope", "A".repeat(43), "x".repeat(5000)])
      await expectEndpointRefused(u, () => confirmEmailChangeAction(null, toForm({ token })), "invalid");
  });
});
