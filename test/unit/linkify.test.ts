import { describe, expect, it } from "vitest";
import { linkify, safeHref } from "@/lib/notes/linkify";

const links = (s: string) =>
  linkify(s)
    .filter((x) => x.kind === "link")
    .map((x) => (x.kind === "link" ? x.href : ""));
const joined = (s: string) =>
  linkify(s)
    .map((x) => x.text)
    .join("");

describe("linkify", () => {
  it("finds http and https links inside prose and gives the text back unchanged", () => {
    const text = "Health visitor notes: https://nhs.uk/baby?x=1&y=2. Also http://example.com/a_b (old).";
    expect(links(text)).toEqual(["https://nhs.uk/baby?x=1&y=2", "http://example.com/a_b"]);
    expect(joined(text)).toBe(text);
  });

  it("leaves sentence punctuation out of the link but keeps balanced parentheses", () => {
    expect(links("see https://example.com/path.")).toEqual(["https://example.com/path"]);
    expect(links("(https://example.com/x)")).toEqual(["https://example.com/x"]);
    expect(links("https://en.wikipedia.org/wiki/Colic_(disease)!")).toEqual([
      "https://en.wikipedia.org/wiki/Colic_(disease)",
    ]);
  });

  it("never links other schemes or look-alikes", () => {
    for (const s of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "java\tscript:alert(1)",
      "xhttps://evil.example",
      "hxxp://evil.example",
      "http:/evil.example",
      "https:evil.example",
      "httрs://evil.example", // Cyrillic р
      "h\u200Bttps://evil.example",
      "file:///etc/passwd",
      "https://",
      "https://user:pw@bank.example@evil.example",
    ]) {
      expect(links(s), s).toEqual([]);
      expect(joined(s), s).toBe(s);
    }
  });

  it("does not let a link swallow markup around it", () => {
    const s = `<a href="https://x.example">https://x.example"onmouseover="alert(1)</a>`;
    for (const href of links(s)) {
      expect(href).not.toMatch(/["<>\s]/);
    }
    expect(joined(s)).toBe(s);
  });

  it("safeHref accepts only http(s) with a host", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("ftp://example.com")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });

  it("handles empty and link-only text", () => {
    expect(linkify("")).toEqual([]);
    expect(linkify("https://a.example")).toEqual([
      { kind: "link", text: "https://a.example", href: "https://a.example/" },
    ]);
  });
});
