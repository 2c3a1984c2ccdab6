// The demo household's own words (prisma/demo/words.ts): what Sam and Alex
// typed, in the language ATTUNE_DEMO_LOCALE names, from the "demo" namespace.
import { afterEach, describe, expect, it } from "vitest";
import { demoLocale, demoWords } from "@/prisma/demo/words";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES } from "../helpers/intl";

const before = process.env.ATTUNE_DEMO_LOCALE;
afterEach(() => {
  if (before === undefined) delete process.env.ATTUNE_DEMO_LOCALE;
  else process.env.ATTUNE_DEMO_LOCALE = before;
});

/** Every leaf's path and text. */
function leaves(node: unknown, at = ""): [string, string][] {
  if (typeof node === "string") return [[at, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
}

describe("the demo household's words", () => {
  it("every language has the same messages, in the same order (the seed picks them by position)", () => {
    const keys = leaves(CATALOGUES["en-GB"].demo).map(([k]) => k);
    expect(keys.length).toBeGreaterThan(40);
    for (const locale of LOCALES) expect(leaves(CATALOGUES[locale].demo).map(([k]) => k)).toEqual(keys);
  });

  it("are plain text with simple {placeholders} only (the seed fills them without ICU)", () => {
    for (const locale of LOCALES)
      for (const [key, text] of leaves(CATALOGUES[locale].demo)) {
        expect(text, `${locale} demo.${key}`).not.toMatch(/\{\w+,|<\w+>|''/);
        expect(text.replace(/\{\w+\}/g, ""), `${locale} demo.${key}`).not.toMatch(/[{}]/);
      }
  });

  it("default to British English, as the demo always read", () => {
    delete process.env.ATTUNE_DEMO_LOCALE;
    const w = demoWords();
    expect(w.locale).toBe("en-GB");
    expect(w.t("nights.away")).toBe("Work trip to Leeds");
    expect(w.t("nights.split", { name: "Sam", time: w.clock(60) })).toBe("Sam split the night at 01:00");
    expect(w.list("connect.skip")).toEqual([
      "Robin was fast asleep.",
      "Visiting Grandma.",
      "Clinic ran late.",
      "Too rainy for a walk.",
    ]);
  });

  it("speak the language ATTUNE_DEMO_LOCALE names, with its clock; an unknown one is British English", () => {
    process.env.ATTUNE_DEMO_LOCALE = "de";
    expect(demoWords().t("nights.split", { name: "Sam", time: demoWords().clock(60) })).toBe(
      "Sam hat die Nacht um 01:00 geteilt",
    );
    process.env.ATTUNE_DEMO_LOCALE = "en-US";
    expect(demoWords().t("notes.handoff.fed", { time: demoWords().clock(90) })).toBe(
      "Fed at 1:30 AM, went down easily after rocking.",
    );
    process.env.ATTUNE_DEMO_LOCALE = "fr";
    expect(demoLocale()).toBe("en-GB");
  });
});
