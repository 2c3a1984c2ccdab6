// #14: the catalogues, the languages we pick, lib/'s message references and
// the formatters in each locale.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { ALL_LOCALES, LOCALES, localeConventions, negotiateLocale } from "@/lib/i18n/locales";
import { pseudoCatalogue, pseudoMessage } from "@/lib/i18n/pseudo";
import { clientMessages, SERVER_NAMESPACES, type TSegment } from "@/lib/i18n/messages";
import CLIENT_KEYS from "@/lib/i18n/client-keys.json";
import { clientKeysJson } from "../../scripts/i18n/client-keys";
import { msg, parseMsg, resolveText } from "@/lib/i18n/text";
import { createServerFormat } from "@/lib/format";
import { english } from "@/lib/i18n/english";
import { CATALOGUES } from "../helpers/intl";

const root = path.resolve(import.meta.dirname, "../..");

/** Every message of a catalogue by its full key. */
function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * The argument names a message prints (placeholders, tags), nested ones too.
 * An argument that only chooses a plural or select form is left out: a
 * language may need one English doesn't ("hat"/"haben" by a count).
 */
function argumentsOf(elements: MessageFormatElement[], selectors = false, into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (selectors || (el.type !== TYPE.plural && el.type !== TYPE.select)) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, selectors, into);
    if (el.type === TYPE.tag) argumentsOf(el.children, selectors, into);
  }
  return into;
}

const british = flatten(CATALOGUES["en-GB"]);

describe("catalogues", () => {
  it("has messages to check", () => expect(british.size).toBeGreaterThan(800));

  for (const locale of ALL_LOCALES)
    it(`${locale}: the same keys as en-GB, every message valid ICU, nothing printed that en-GB lacks`, () => {
      const flat = flatten(CATALOGUES[locale]);
      expect([...flat.keys()].sort()).toEqual([...british.keys()].sort());
      const problems: string[] = [];
      for (const [key, message] of flat) {
        try {
          const extra = [...argumentsOf(parse(message))].filter(
            (a) => !argumentsOf(parse(british.get(key)!), true).has(a),
          );
          if (extra.length) problems.push(`${key}: ${extra.join(", ")} not in en-GB`);
        } catch (e) {
          problems.push(`${key}: ${(e as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });

  it("en-XA is en-GB accented and padded, and up to date (npm run i18n)", () => {
    expect(CATALOGUES["en-XA"]).toEqual(pseudoCatalogue(CATALOGUES["en-GB"]));
    expect(pseudoMessage("{count, plural, one {# night} other {# nights}} with {name}")).toBe(
      "[{count,plural,one{# ñîĝĥţ} other{# ñîĝĥţš}} ŵîţĥ {name} ····]",
    );
  });

  it("the browser gets only its part's messages, never a server namespace, and the list is current (npm run i18n)", () => {
    expect(readFileSync(path.join(root, "lib/i18n/client-keys.json"), "utf8")).toBe(clientKeysJson());
    const all = JSON.stringify(CATALOGUES["en-GB"]).length;
    for (const segment of Object.keys(CLIENT_KEYS) as TSegment[]) {
      const sent = clientMessages(CATALOGUES["en-GB"], segment);
      expect(Object.keys(sent).filter((ns) => SERVER_NAMESPACES.includes(ns))).toEqual([]);
      expect(JSON.stringify(sent).length).toBeLessThan(all / 3);
    }
    expect(flatten(clientMessages(CATALOGUES["en-GB"], "tonight")).has("log.helped.options.rock")).toBe(true);
  });

  it('every message lib/ refers to exists (msg("…") in the source)', () => {
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name))
          for (const m of readFileSync(p, "utf8").matchAll(/\bmsg\(\s*"([\w.]+)"/g))
            if (!british.has(m[1]!) && !flatten(CATALOGUES["en-GB"]).has(m[1]!))
              missing.push(`${path.relative(root, p)}: ${m[1]}`);
      }
    };
    for (const dir of ["lib", "components", "app", "prisma"]) walk(path.join(root, dir));
    expect(missing).toEqual([]);
  });
});

describe("choosing a language", () => {
  it.each([
    [null, "en-GB"],
    ["", "en-GB"],
    ["de-AT,de;q=0.9,en;q=0.5", "de"],
    ["en-US,en;q=0.9", "en-US"],
    ["en", "en-GB"],
    ["en-AU", "en-GB"],
    ["fr-CH, fr;q=0.9, es;q=0.8, de;q=0.7", "es"],
    ["de;q=0.1, es;q=0.9", "es"],
    ["fr, it", "en-GB"],
    ["*", "en-GB"],
    ["de;q=0, es", "es"],
    [";;;,,,q=abc", "en-GB"],
  ])("Accept-Language %j → %s", (header, locale) => expect(negotiateLocale(header)).toBe(locale));

  it("a 10,000-character header costs nothing and picks en-GB", () =>
    expect(negotiateLocale(`${"x".repeat(10_000)},de`)).toBe("en-GB"));

  it("only en-US keeps a 12-hour clock and Sunday-first weeks", () => {
    expect(LOCALES.map((l) => [l, localeConventions(l)])).toEqual([
      ["en-GB", { hour12: false, firstDay: 1 }],
      ["en-US", { hour12: true, firstDay: 7 }],
      ["de", { hour12: false, firstDay: 1 }],
      ["es", { hour12: false, firstDay: 1 }],
    ]);
  });
});

describe("lib/'s message references", () => {
  const t = (key: string, values?: Record<string, string | number>) => `${key}(${JSON.stringify(values ?? {})})`;

  it("resolve nested references and pass plain text through", () => {
    expect(resolveText(t, "Sam")).toBe("Sam");
    expect(resolveText(t, msg("a.b", { who: msg("c.d", { n: 2 }), name: "Alex" }))).toBe(
      'a.b({"who":"c.d({\\"n\\":2})","name":"Alex"})',
    );
    expect(parseMsg("\uE000not json")).toBeNull();
    expect(resolveText(t, "\uE000not json")).toBe("\uE000not json");
  });

  it("read as the catalogue's British English (AppError.message, logs)", () => {
    expect(english(msg("errors.notFoundThing", { what: msg("errors.what.note") }))).toBe(
      "That note could not be found.",
    );
  });
});

describe("formatting in each locale", () => {
  const gb = createServerFormat({ locale: "en-GB", householdLocale: "en-GB" });
  const us = createServerFormat({ locale: "en-US", householdLocale: "en-US" });
  const deInUsHome = createServerFormat({ locale: "de", householdLocale: "en-US" });
  const de = createServerFormat({ locale: "de", householdLocale: "de" });
  const at = "2026-11-27T18:05:00Z";

  it("en-GB reads as it always has", () => {
    expect(gb.clockIn(at, "Europe/London")).toBe("18:05");
    expect(gb.formatClock(1140)).toBe("19:00");
    expect(gb.shortClockIn("2026-11-27T19:00:00Z", "UTC")).toBe("19");
    expect(gb.shortDay("2026-11-27")).toBe("Fri 27 Nov");
    expect(gb.longDay("2026-11-27")).toBe("Friday 27 November");
    expect(gb.dayTimeIn(at, "Europe/London")).toBe("Fri 27 Nov, 18:05");
    expect(gb.longDayTimeIn("2026-12-07T08:30:00Z", "UTC")).toBe("Monday 7 December at 08:30");
    expect(gb.rangeLabel("2025-11-24", "2025-11-30")).toBe("24 – 30 November 2025");
    expect(gb.rangeLabel("2025-11-27", "2025-12-03")).toBe("27 November – 3 December 2025");
    expect(gb.rangeLabel("2025-12-29", "2026-01-04")).toBe("29 December 2025 – 4 January 2026");
    expect(gb.relativeDay("2026-11-26", "2026-11-27")).toBe("Yesterday");
    expect(gb.relativeDay("2026-11-27", "2026-11-27")).toBe("Today");
    expect(gb.durationWords(41_400_000)).toBe("11 hours 30 minutes");
    expect(gb.durationWords(0)).toBe("0 minutes");
    expect(gb.durationShort(23_400_000)).toBe("6 h 30 min");
    expect(gb.minutesText(0)).toBe("under 1 min");
    expect(gb.listNames(["Sam", "Alex", "Gran"])).toBe("Sam, Alex and Gran");
  });

  it("en-US: a 12-hour clock and American dates", () => {
    expect(us.clockIn(at, "Europe/London")).toBe("6:05 PM");
    expect(us.formatClock(1140)).toBe("7:00 PM");
    expect(us.shortClockIn("2026-11-27T19:00:00Z", "UTC")).toBe("7 PM");
    expect(us.shortDay("2026-11-27")).toBe("Fri, Nov 27");
  });

  it("the household's clock holds whatever language the reader chose", () => {
    expect(deInUsHome.clockIn(at, "Europe/London")).toMatch(/^6:05\sPM$/i);
    expect(de.clockIn(at, "Europe/London")).toBe("18:05");
    expect(de.longDay("2026-11-27")).toBe("Freitag, 27. November");
    expect(de.relativeDay("2026-11-28", "2026-11-27")).toBe("Morgen");
    expect(de.listNames(["Sam", "Alex"])).toBe("Sam und Alex");
  });

  it("no thin or narrow spaces: server and browser render the same", () => {
    for (const f of [gb, us, de])
      expect(f.rangeLabel("2025-11-24", "2025-11-30") + f.clockIn(at, "UTC")).not.toMatch(/[\u2009\u202f]/);
  });
});

describe("right-to-left ready", () => {
  it("the style sheets use logical properties (inline start and end), never left or right", () => {
    const physical: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith(".css"))
          readFileSync(p, "utf8")
            .split("\n")
            .forEach((line, i) => {
              if (
                /(margin|padding|border)-(left|right)\b|^\s*(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)/.test(
                  line,
                )
              )
                physical.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`);
            });
      }
    };
    for (const dir of ["app", "components"]) walk(path.join(root, dir));
    expect(physical).toEqual([]);
  });
});
