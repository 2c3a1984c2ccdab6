import { describe, expect, it } from "vitest";
import { coveredMs } from "@/lib/notes/summary";
import { cursorOf, escapeLike } from "@/lib/notes/read-notes";
import { ZNoteBody } from "@/lib/notes/body";
import { NOTE_MAX } from "@/lib/notes/limits";
import { canDeleteNote, canEditNote } from "@/lib/notes/rights";
import { notesKeys } from "@/lib/notes/query-keys";
import { whenWritten } from "@/components/notes/format";
import { english } from "@/lib/i18n/english";

const t = (h: number) => new Date(Date.UTC(2026, 10, 20, h));

describe("coveredMs (was the whole night mine?)", () => {
  it("adds up overlapping and separate stretches within the window", () => {
    const H = 3_600_000;
    expect(coveredMs([{ start: t(19), end: t(31) }], t(19), t(31))).toBe(12 * H);
    expect(coveredMs([{ start: t(19), end: t(25) }], t(19), t(31))).toBe(6 * H);
    expect(
      coveredMs(
        [
          { start: t(19), end: t(25) },
          { start: t(24), end: t(31) },
        ],
        t(19),
        t(31),
      ),
    ).toBe(12 * H);
    expect(
      coveredMs(
        [
          { start: t(10), end: t(20) },
          { start: t(30), end: t(40) },
        ],
        t(19),
        t(31),
      ),
    ).toBe(2 * H);
    expect(coveredMs([], t(19), t(31))).toBe(0);
  });
});

describe("search and paging helpers", () => {
  it("escapes LIKE wildcards and the escape character", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(escapeLike("plain")).toBe("plain");
  });
  it("a cursor is the instant and the id", () => {
    expect(cursorOf({ createdAt: "2026-11-20T10:00:00.000Z", id: "0b6c9f4e-8a4b-4a59-9f0e-1c1f6f1d2a3b" })).toBe(
      "2026-11-20T10:00:00.000Z_0b6c9f4e-8a4b-4a59-9f0e-1c1f6f1d2a3b",
    );
  });
});

describe("a note's text", () => {
  it("is kept as typed, refused when blank, too long or holding NUL", () => {
    expect(ZNoteBody.parse("  hi\n")).toBe("  hi\n");
    expect(ZNoteBody.safeParse(" \n\t").success).toBe(false);
    expect(ZNoteBody.safeParse("x".repeat(NOTE_MAX)).success).toBe(true);
    const long = ZNoteBody.safeParse("x".repeat(NOTE_MAX + 1));
    expect(long.success).toBe(false);
    // The message is a reference (lib/i18n/text.ts); in British English it reads "… 2,000 characters …".
    expect(english(long.error?.issues[0]?.message ?? "")).toMatch(/2,000 characters/);
    expect(ZNoteBody.safeParse("a\u0000b").success).toBe(false);
  });
});

describe("who may do what with a note (the one statement of docs/decisions/0012)", () => {
  const parent = { caregiverId: "p", role: "parent" as const };
  const otherParent = { caregiverId: "q", role: "parent" as const };
  const helper = { caregiverId: "h", role: "helper" as const };
  it("only the author edits", () => {
    expect(canEditNote(parent, { authorId: "p" })).toBe(true);
    expect(canEditNote(otherParent, { authorId: "p" })).toBe(false);
    expect(canEditNote(helper, { authorId: "p" })).toBe(false);
    expect(canEditNote(parent, { authorId: null })).toBe(false); // the author left: nobody edits
  });
  it("the author or any parent deletes; a helper only their own", () => {
    expect(canDeleteNote(otherParent, { authorId: "p" })).toBe(true);
    expect(canDeleteNote(parent, { authorId: null })).toBe(true);
    expect(canDeleteNote(helper, { authorId: "h" })).toBe(true);
    expect(canDeleteNote(helper, { authorId: "p" })).toBe(false);
    expect(canDeleteNote(helper, { authorId: null })).toBe(false);
  });
});

describe("notes' query keys and times", () => {
  it("every key starts with the domain's prefix (the live channel invalidates by it)", () => {
    expect(notesKeys.unread("h1").slice(0, 1)).toEqual(notesKeys.all);
    expect(notesKeys.unread("h1")).not.toEqual(notesKeys.unread("h2"));
  });
  it("says when a note was written in the household's zone", () => {
    const now = new Date("2026-11-24T20:00:00Z");
    expect(whenWritten("2026-11-24T13:05:00Z", "Europe/Berlin", now)).toBe("today, 14:05");
    expect(whenWritten("2026-11-23T23:30:00Z", "Europe/Berlin", now)).toBe("today, 00:30");
    expect(whenWritten("2026-11-20T13:05:00Z", "Europe/Berlin", now)).toBe("Fri 20 Nov, 14:05");
    expect(whenWritten("2025-11-20T13:05:00Z", "Europe/Berlin", now)).toBe("Thu 20 Nov 2025, 14:05");
  });
});
