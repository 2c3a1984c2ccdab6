// Settings' "Your data": plain download links (no client JavaScript), the
// household's for parents, only their own for helpers.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { YourDataSection } from "@/components/export/your-data-section";
import { withIntl } from "../helpers/intl";

const links = (html: string) =>
  [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);

describe("Your data (Settings)", () => {
  it("shows a parent the household's JSON, the four CSVs and their own data, each a download link", () => {
    const html = renderToStaticMarkup(withIntl(createElement(YourDataSection, { role: "parent" })));
    expect(links(html)).toEqual([
      ["/api/export?format=json", "Download our data (JSON)"],
      ["/api/export?format=csv&amp;area=nights", "Download nights on duty (CSV)"],
      ["/api/export?format=csv&amp;area=wakings", "Download wakings (CSV)"],
      ["/api/export?format=csv&amp;area=plan", "Download connection moments done (CSV)"],
      ["/api/export?format=csv&amp;area=notes", "Download notes (CSV)"],
      ["/api/export?format=json&amp;scope=mine", "Download my own data (JSON)"],
    ]);
    expect(html.match(/<a [^>]*download=""/g)).toHaveLength(6);
  });

  it("shows a helper only their own data", () => {
    const html = renderToStaticMarkup(withIntl(createElement(YourDataSection, { role: "helper" })));
    expect(links(html)).toEqual([["/api/export?format=json&amp;scope=mine", "Download my own data (JSON)"]]);
  });

  it("speaks the reader's language: German links, same addresses", () => {
    const html = renderToStaticMarkup(withIntl(createElement(YourDataSection, { role: "helper" }), "de"));
    const [[href, text]] = links(html) as [[string, string]];
    expect(href).toBe("/api/export?format=json&amp;scope=mine");
    expect(text).not.toMatch(/Download my own data/);
    expect(text).toMatch(/[A-Za-zÄÖÜäöüß]/);
  });
});
