// Notes: writing, editing against a version (two saves at once: one wins, the
// other gets the current text back), rights, pins, search, unread per
// caregiver, and hostile text stored exactly and rendered inert.
import { beforeEach, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getDb } from "@/lib/db";
import { createNote, deleteNote, markNotesRead, pinNote, updateNote } from "@/lib/notes/notes";
import { getHandoffNotes, getTonightHandoffNotes, getUnreadNotes, listNotes, PAGE_SIZE } from "@/lib/notes/read-notes";
import { NOTE_MAX } from "@/lib/notes/limits";
import { getNights } from "@/lib/nights/read-nights";
import type { TActor } from "@/lib/auth/actor";
import { NoteCard } from "@/components/notes/note-card";
import { withIntl } from "../helpers/intl";
import { actorOf, caregiverIdOf, makeFamily, makeNote } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let f: TFamily;
let parent: TActor, partner: TActor, helper: TActor;

beforeEach(async () => {
  f = await makeFamily("N");
  [parent, partner, helper] = await Promise.all([actorOf(f.parent), actorOf(f.partner), actorOf(f.helper)]);
});

/** The badge's count for `a` (the operation the shell and GET /api/notes/unread use). */
const unread = async (a: TActor) => (await getUnreadNotes(a, { householdId: a.membership!.householdId })).count;

describe("writing and editing", () => {
  it("stores the text exactly as typed and refuses blank or too long notes with a clear message", async () => {
    const body = "  Fed at 2.\n\tShe liked the rocking chair 🙂  ";
    const { noteId } = await createNote(parent, { householdId: f.householdId, body });
    const row = await getDb().note.findUniqueOrThrow({ where: { id: noteId } });
    expect(row.body).toBe(body);
    expect(row.kind).toBe("note");
    await expectRefusedUnchanged(
      () => createNote(parent, { householdId: f.householdId, body: "   \n " }),
      "invalid",
      /Write something/,
    );
    const err = await expectRefusedUnchanged(
      () => createNote(parent, { householdId: f.householdId, body: "x".repeat(NOTE_MAX + 1) }),
      "invalid",
      /2,000 characters/,
    );
    expect(err.fieldErrors?.body).toBeTruthy();
    await createNote(parent, { householdId: f.householdId, body: "y".repeat(NOTE_MAX) });
  });

  it("two saves of one note at once: one is saved, the other gets a conflict carrying the current text; both texts survive", async () => {
    const { noteId } = await createNote(parent, { householdId: f.householdId, body: "Gel at 4" });
    // The same author on two screens (phone and laptop), both opened at version 0.
    const laptop = await actorOf(f.parent);
    const [a, b] = await Promise.all([
      updateNote(parent, {
        householdId: f.householdId,
        noteId,
        version: "0",
        body: "Teething gel at 4, and Calpol at 5",
      }),
      updateNote(laptop, { householdId: f.householdId, noteId, version: "0", body: "Gel at 4. She settled by 4:30" }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.status === "saved")).toHaveLength(1);
    const lost = results.find((r) => r.status === "conflict");
    expect(lost).toBeTruthy();
    const row = await getDb().note.findUniqueOrThrow({ where: { id: noteId } });
    expect(row.version).toBe(1);
    expect(row.editedAt).not.toBeNull();
    // The conflict carries exactly what was saved; the loser's text is still in its own hands (the request), so nothing is lost.
    if (lost?.status !== "conflict") throw new Error("expected a conflict");
    expect(lost.current.body).toBe(row.body);
    expect(lost.current.version).toBe(1);
    expect(["Teething gel at 4, and Calpol at 5", "Gel at 4. She settled by 4:30"]).toContain(row.body);
    // Saving again against the new version works.
    const retry = await updateNote(parent, {
      householdId: f.householdId,
      noteId,
      version: String(lost.current.version),
      body: "Both: gel at 4, Calpol at 5, settled 4:30",
    });
    expect(retry).toEqual({ status: "saved", version: 2 });
  });

  it("only the author edits; the author or a parent deletes; a helper deletes only their own", async () => {
    const { noteId: byPartner } = await createNote(partner, {
      householdId: f.householdId,
      body: "Pediatrician Thursday 10:00",
    });
    await expectRefusedUnchanged(
      () => updateNote(parent, { householdId: f.householdId, noteId: byPartner, version: "0", body: "changed" }),
      "forbidden",
    );
    await expectRefusedUnchanged(
      () => deleteNote(helper, { householdId: f.householdId, noteId: byPartner }),
      "forbidden",
    );
    await deleteNote(parent, { householdId: f.householdId, noteId: byPartner });
    expect(await getDb().note.count({ where: { id: byPartner } })).toBe(0);

    const { noteId: byHelper } = await createNote(helper, { householdId: f.householdId, body: "Bottle in the fridge" });
    await deleteNote(helper, { householdId: f.householdId, noteId: byHelper });
    await expectRefusedUnchanged(
      () => deleteNote(helper, { householdId: f.householdId, noteId: byHelper }),
      "not_found",
    );
  });

  it("pinning (anyone) puts a note on top and does not turn an open edit into a conflict", async () => {
    const { noteId: old } = await createNote(
      parent,
      { householdId: f.householdId, body: "Robin: no cow's milk yet" },
      new Date("2026-11-01T10:00:00Z"),
    );
    await createNote(parent, { householdId: f.householdId, body: "newer" }, new Date("2026-11-02T10:00:00Z"));
    await pinNote(helper, { householdId: f.householdId, noteId: old, pinned: "true" });
    await pinNote(helper, { householdId: f.householdId, noteId: old, pinned: "true" }); // twice: still one pin
    const page = await listNotes(parent, { householdId: f.householdId });
    expect(page.pinned.map((n) => n.body)).toEqual(["Robin: no cow's milk yet"]);
    expect(page.notes.map((n) => n.body)).toEqual(["newer"]);
    expect(
      await updateNote(parent, {
        householdId: f.householdId,
        noteId: old,
        version: "0",
        body: "Robin: no cow's milk until 12 months",
      }),
    ).toEqual({ status: "saved", version: 1 });
    await pinNote(partner, { householdId: f.householdId, noteId: old, pinned: "false" });
    expect((await listNotes(parent, { householdId: f.householdId })).pinned).toEqual([]);
  });
});

describe("the list", () => {
  it("is newest first, pages with Show older, and searches text literally within the household", async () => {
    const base = Date.parse("2026-10-01T08:00:00Z");
    await getDb().note.createMany({
      data: Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
        householdId: f.householdId,
        authorId: parent.membership!.caregiverId,
        body: `note ${i}`,
        createdAt: new Date(base + i * 60_000),
      })),
    });
    const first = await listNotes(partner, { householdId: f.householdId });
    expect(first.notes).toHaveLength(PAGE_SIZE);
    expect(first.notes[0]!.body).toBe(`note ${PAGE_SIZE + 4}`);
    expect(first.older).not.toBeNull();
    const second = await listNotes(partner, { householdId: f.householdId, before: first.older! });
    expect(second.notes.map((n) => n.body)).toEqual(["note 4", "note 3", "note 2", "note 1", "note 0"]);
    expect(second.older).toBeNull();
    await expect(listNotes(partner, { householdId: f.householdId, before: "nonsense" })).rejects.toMatchObject({
      code: "invalid",
    });

    await createNote(parent, { householdId: f.householdId, body: "Sale: 50% off nappies" });
    await createNote(parent, { householdId: f.householdId, body: "5000 nappies" });
    await createNote(parent, { householdId: f.householdId, body: "file a_b" });
    await createNote(parent, { householdId: f.householdId, body: "file axb" });
    await createNote(parent, { householdId: f.householdId, body: "back\\slash" });
    const other = await makeFamily("O");
    await createNote(await actorOf(other.parent), {
      householdId: other.householdId,
      body: "50% off nappies elsewhere",
    });
    expect((await listNotes(partner, { householdId: f.householdId, q: "50%" })).notes.map((n) => n.body)).toEqual([
      "Sale: 50% off nappies",
    ]);
    expect((await listNotes(partner, { householdId: f.householdId, q: "A_B" })).notes.map((n) => n.body)).toEqual([
      "file a_b",
    ]);
    expect((await listNotes(partner, { householdId: f.householdId, q: "k\\s" })).notes.map((n) => n.body)).toEqual([
      "back\\slash",
    ]);
    expect((await listNotes(partner, { householdId: f.householdId, q: "NAPPIES" })).notes).toHaveLength(2);
  });
});

describe("unread", () => {
  it("counts notes by others without my read row, per caregiver, independently", async () => {
    const [p, q, h] = [parent, partner, helper];
    const { noteId: n1 } = await createNote(parent, { householdId: f.householdId, body: "one" });
    const { noteId: n2 } = await createNote(parent, { householdId: f.householdId, body: "two" });
    await createNote(partner, { householdId: f.householdId, body: "three" });
    expect(await unread(p)).toBe(1); // own notes are never new
    expect(await unread(q)).toBe(2);
    expect(await unread(h)).toBe(3);
    const list = await listNotes(partner, { householdId: f.householdId });
    expect(
      list.notes
        .filter((n) => n.unread)
        .map((n) => n.body)
        .sort(),
    ).toEqual(["one", "two"]);

    expect(await markNotesRead(partner, { householdId: f.householdId, noteIds: [n1] })).toEqual({ marked: 1 });
    expect(await markNotesRead(partner, { householdId: f.householdId, noteIds: [n1, n2] })).toEqual({ marked: 1 }); // again: no double rows
    expect(await unread(q)).toBe(0);
    expect(await unread(h)).toBe(3); // the helper's count is theirs
    expect(await unread(p)).toBe(1);

    // Notes of another household are never marked (and never counted).
    const other = await makeFamily("X");
    const { noteId: foreign } = await createNote(await actorOf(other.parent), {
      householdId: other.householdId,
      body: "theirs",
    });
    expect(await markNotesRead(partner, { householdId: f.householdId, noteIds: [foreign] })).toEqual({ marked: 0 });
    expect(await getDb().noteRead.count({ where: { noteId: foreign } })).toBe(0);
  });

  it("a removed note leaves the count", async () => {
    const { noteId } = await createNote(partner, { householdId: f.householdId, body: "oops" });
    expect(await unread(parent)).toBe(1);
    await deleteNote(partner, { householdId: f.householdId, noteId });
    expect(await unread(parent)).toBe(0);
  });
});

describe("odd input", () => {
  it("a search with NUL, an impossible night, a year-0 cursor: a clear answer or nothing found, never a 500", async () => {
    expect((await listNotes(parent, { householdId: f.householdId, q: "\u0000gel" })).notes).toEqual([]);
    for (const nightDate of ["2025-02-31", "0000-01-01"]) {
      await expectRefusedUnchanged(
        () => createNote(parent, { householdId: f.householdId, kind: "handoff", nightDate, body: "x" }),
        "invalid",
      );
    }
    await expect(
      listNotes(parent, {
        householdId: f.householdId,
        before: "0000-01-01T00:00:00Z_00000000-0000-0000-0000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("handoff notes", () => {
  it("belong to a night (and the shift) and are listed for that night", async () => {
    const shift = await getDb().shift.create({
      data: {
        householdId: f.householdId,
        caregiverId: parent.membership!.caregiverId,
        nightDate: new Date("2026-12-01T00:00:00Z"),
        startsAt: new Date("2026-12-01T18:00:00Z"),
        endsAt: new Date("2026-12-02T06:00:00Z"),
        source: "manual",
      },
    });
    await expectRefusedUnchanged(
      () => createNote(parent, { householdId: f.householdId, kind: "handoff", body: "x" }),
      "invalid",
      /night/,
    );
    await expectRefusedUnchanged(
      () =>
        createNote(parent, {
          householdId: f.householdId,
          kind: "handoff",
          nightDate: "2026-12-02",
          shiftId: shift.id,
          body: "x",
        }),
      "invalid",
      /shift/,
    );
    const { noteId } = await createNote(parent, {
      householdId: f.householdId,
      kind: "handoff",
      nightDate: "2026-12-01",
      shiftId: shift.id,
      body: "Fed at 2, rocking chair worked",
    });
    const notes = await getHandoffNotes(partner, { householdId: f.householdId, nights: ["2026-12-01"] });
    expect(notes.map((n) => [n.id, n.kind, n.night, n.unread])).toEqual([[noteId, "handoff", "2026-12-01", true]]);
    // The shift can go; the note stays on its night.
    await getDb().shift.delete({ where: { id: shift.id } });
    expect(await getHandoffNotes(partner, { householdId: f.householdId, nights: ["2026-12-01"] })).toHaveLength(1);
  });

  it("are marked on their night in the calendar: counted per night, only handoffs, only this household's", async () => {
    const night = (date: string) => ({
      householdId: f.householdId,
      kind: "handoff",
      nightDate: date,
      body: `Handoff for ${date}`,
    });
    await createNote(parent, night("2026-12-01"));
    await createNote(partner, night("2026-12-01"));
    await createNote(partner, night("2026-12-03"));
    await createNote(parent, { householdId: f.householdId, body: "An everyday note" });
    const other = await makeFamily("O");
    const outsider = await actorOf(other.parent);
    await createNote(outsider, {
      householdId: other.householdId,
      kind: "handoff",
      nightDate: "2026-12-02",
      body: "Theirs",
    });

    const ours = await getNights(helper, { householdId: f.householdId, from: "2026-11-30", count: 5 });
    expect(ours.nights.map((n) => [n.date, n.handoffNotes])).toEqual([
      ["2026-11-30", 0],
      ["2026-12-01", 2],
      ["2026-12-02", 0],
      ["2026-12-03", 1],
      ["2026-12-04", 0],
    ]);
    const theirs = await getNights(outsider, { householdId: other.householdId, from: "2026-11-30", count: 5 });
    expect(theirs.nights.map((n) => n.handoffNotes)).toEqual([0, 0, 1, 0, 0]);
  });
});

// Stored byte for byte; rendered as text: no element or attribute from the payload survives.
const XSS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=alert(1)>`,
  `"><iframe src="javascript:alert(1)"></iframe>`,
  `javascript:alert(document.cookie)`,
  `<a href="javascript:alert(1)">click</a>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `https://example.com/"onmouseover="alert(1)`,
  `https://example.com/<script>alert(1)</script>`,
  `<style>body{display:none}</style>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
  `\u0022\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`,
  `<body onload=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
];

describe("hostile text", () => {
  it("is stored byte-identical and rendered with no tag or attribute of its own", async () => {
    const householdId = f.householdId;
    for (const payload of XSS) {
      const { noteId } = await createNote(parent, { householdId, body: payload });
      const row = await getDb().note.findUniqueOrThrow({ where: { id: noteId } });
      expect(Buffer.from(row.body)).toEqual(Buffer.from(payload));
      const [view] = (await listNotes(partner, { householdId: householdId })).notes;
      expect(view!.body).toBe(payload);
      const html = renderToStaticMarkup(
        withIntl(createElement(NoteCard, { note: view!, timeZone: "Europe/Berlin", now: new Date() })),
      );
      const body = /<p[^>]*data-testid="note-body"[^>]*>([\s\S]*)<\/p>/.exec(html)?.[1] ?? "";
      // Inside the text only our own <span> and <a> (for http(s) links) appear, and the only attributes are ours.
      const tags = [...body.matchAll(/<\s*([a-z][a-z0-9-]*)([^>]*)>/gi)];
      for (const [, tag, attrs] of tags) {
        expect(["span", "a"]).toContain(tag!.toLowerCase());
        const names = [...attrs!.matchAll(/([a-z-:]+)=/gi)].map((m) => m[1]!.toLowerCase());
        for (const n of names) expect(["href", "target", "rel"]).toContain(n);
      }
      // Text is escaped, so every "<" in the markup opens one of our own elements.
      const all = [...html.matchAll(/<\s*([a-z][a-z0-9-]*)([^>]*)>/gi)];
      for (const [, tag, attrs] of all) {
        expect(["li", "article", "div", "span", "time", "p", "a"]).toContain(tag!.toLowerCase());
        expect(attrs).not.toMatch(/\son[a-z]+=/i);
        expect(attrs).not.toMatch(/href="(?!https?:)/i);
      }
      for (const [, tag, attrs] of tags) if (tag === "a") expect(attrs).toMatch(/rel="noopener noreferrer nofollow"/);
      await deleteNote(parent, { householdId, noteId });
    }
  });
});

describe("Tonight's handoff notes (getTonightHandoffNotes)", () => {
  it("are last night's and tonight's handoff notes, for a member; refused to a stranger, a signed-out visitor and bad input, nothing written", async () => {
    const partnerCg = await caregiverIdOf(f.partner);
    await makeNote(f.householdId, partnerCg, { kind: "handoff", night: "2026-11-24", body: "last night" });
    await makeNote(f.householdId, partnerCg, { kind: "handoff", night: "2026-11-25", body: "tonight" });
    await makeNote(f.householdId, partnerCg, { kind: "handoff", night: "2026-11-23", body: "too old" });
    await makeNote(f.householdId, partnerCg, { body: "an ordinary note" });
    const notes = await getTonightHandoffNotes(parent, { householdId: f.householdId, tonight: "2026-11-25" });
    expect(notes.map((n) => [n.night, n.body, n.mine])).toEqual([
      ["2026-11-24", "last night", false],
      ["2026-11-25", "tonight", false],
    ]);

    const other = await makeFamily("O");
    const stranger = await actorOf(other.parent);
    const ref = { householdId: f.householdId, tonight: "2026-11-25" };
    await expectRefusedUnchanged(() => getTonightHandoffNotes(null, ref), "unauthenticated");
    await expectRefusedUnchanged(() => getTonightHandoffNotes(stranger, ref), "forbidden");
    await expectRefusedUnchanged(
      () => getTonightHandoffNotes(stranger, { ...ref, householdId: "' OR 1=1" }),
      "forbidden",
    );
    for (const tonight of ["2026-2-30", "", "2026-11-25\u0000", "9".repeat(1_000_000), undefined, 20261125])
      await expectRefusedUnchanged(() => getTonightHandoffNotes(parent, { ...ref, tonight }), "invalid");
  });
});
