// The pseudo-locale en-XA: every word accented and about 40 % longer, inside
// brackets, so a test can see an untranslated string (plain ASCII words) or a
// clipped one (a missing bracket) at a glance. Built from en-GB's catalogue.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";
import { accent } from "@/lib/i18n/accent";

/** 40 % longer: one "·" per 2.5 letters, at least one when there are letters. */
function padding(text: string): string {
  const letters = text.replace(/[^A-Za-z]/g, "").length;
  return letters ? "·".repeat(Math.max(1, Math.round(letters * 0.4))) : "";
}

function walk(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select)
      return {
        ...el,
        options: Object.fromEntries(
          Object.entries(el.options).map(([key, option]) => [key, { ...option, value: walk(option.value) }]),
        ),
      };
    if (el.type === TYPE.tag) return { ...el, children: walk(el.children) };
    return el;
  });
}

/** One ICU message in the pseudo-locale: literals accented, placeholders kept, wrapped in [ … ] and padded. */
export function pseudoMessage(message: string): string {
  const text = message.replace(/\{[^}]*\}/g, "");
  const printed = printAST(walk(parse(message)));
  return `[${printed}${padding(text) ? ` ${padding(text)}` : ""}]`;
}

export function pseudoCatalogue(catalogue: unknown): unknown {
  if (typeof catalogue === "string") return pseudoMessage(catalogue);
  if (catalogue && typeof catalogue === "object")
    return Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [k, pseudoCatalogue(v)]));
  return catalogue;
}
