// Input no form sends: lone surrogates (half an emoji) are refused by ZText,
// never stored as U+FFFD; and an action given something that is not FormData
// (a string, a list, JSON) reads only string fields, so its schema answers
// with a message instead of a TypeError (a 500).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formToObject, ZText } from "@/lib/validation";
import { english } from "@/lib/i18n/english";

describe("ZText and lone surrogates", () => {
  const note = ZText("the note", 2000);

  it("refuses any text holding a lone surrogate, high or low, anywhere", () => {
    const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), lone, fc.string({ maxLength: 20 }), (a, half, b) => {
        const text = `x${a}${half}${b}`;
        fc.pre(!text.isWellFormed());
        const parsed = note.safeParse(text);
        expect(parsed.success).toBe(false);
        expect(english(parsed.error?.issues[0]?.message ?? "")).toMatch(/broken character/);
      }),
    );
  });

  it("keeps whole emoji and other well-formed text exactly", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 50 }), (s) => {
        fc.pre(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s));
        expect(note.parse(s)).toBe(s.trim());
      }),
    );
    expect(note.parse("night 🌙 owl")).toBe("night 🌙 owl");
  });
});

describe("formToObject given what is not FormData", () => {
  it("gives nothing for a string, a number, a list or null", () => {
    for (const v of ["email=a", 5, ["a"], null, undefined, true]) expect(formToObject(v)).toEqual({});
  });

  it("keeps only the string fields of a plain object", () => {
    expect(
      formToObject({ email: "a@b.c", password: 5, next: ["/a", "/b"], $ACTION_ID_x: "y", deep: { a: 1 } }),
    ).toEqual({
      email: "a@b.c",
      next: ["/a", "/b"],
    });
  });

  it("still reads FormData as before", () => {
    const f = new FormData();
    f.set("email", "a@b.c");
    f.append("day", "mon");
    f.append("day", "tue");
    expect(formToObject(f)).toEqual({ email: "a@b.c", day: ["mon", "tue"] });
  });
});
