// Every e2e test runs under the site's Content-Security-Policy (proxy.ts) and
// fails on any violation. An automatic fixture watches every browser context
// the test opens (the default one, and any from browser.newContext(), which is
// how e2e/fixtures.ts makes the two partners): a `securitypolicyviolation`
// listener injected before the page's own scripts, and console errors that
// read "Refused to …" (what Chromium prints for a blocked script, style,
// connection or frame). At the end of the test the list must be empty.
//
// e2e/fixtures.ts takes it by building on this `test` instead of Playwright's:
//   import { test as base } from "./csp-guard";
// The same listener fails a test on next-intl's console errors (a message the
// browser needed but wasn't sent, or one that won't format: #14).
// A test that provokes a violation on purpose (e2e/csp.spec.ts) reads and
// clears `cspViolations` itself.
import { test as playwrightTest, expect, type Browser, type BrowserContext } from "@playwright/test";

export type TCspViolations = {
  /** What was refused so far, one line each ("script-src-attr refused inline at http://…/about:1"). */
  list: string[];
  /** Forget what was seen (after a test has checked the violation it provoked). */
  clear(): void;
};

const BINDING = "__attuneCspViolation";

async function watch(context: BrowserContext, seen: string[]): Promise<void> {
  await context.exposeBinding(BINDING, (_source, line: string) => void seen.push(line));
  await context.addInitScript((binding) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as Record<string, (line: string) => void>)[binding];
      report?.(`${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  }, BINDING);
  context.on("console", (message) => {
    if (message.type() === "error" && /Refused to|Content.Security.Policy/i.test(message.text()))
      seen.push(`console: ${message.text()}`);
    // #14: a message the page's browser code needs but wasn't sent (lib/i18n/client-keys.json), or that won't format.
    if (
      message.type() === "error" &&
      /MISSING_MESSAGE|FORMATTING_ERROR|INVALID_MESSAGE|INSUFFICIENT_PATH/.test(message.text())
    )
      seen.push(`messages: ${message.text().slice(0, 300)}`);
  });
}

export const test = playwrightTest.extend<{ cspViolations: TCspViolations }>({
  cspViolations: [
    async ({ browser, context }, provide) => {
      const seen: string[] = [];
      await watch(context, seen);
      // Contexts the test (or a fixture) opens itself are watched too, for this test only.
      const original = browser.newContext.bind(browser);
      const b = browser as Browser;
      b.newContext = async (...args) => {
        const created = await original(...args);
        await watch(created, seen);
        return created;
      };
      try {
        await provide({ list: seen, clear: () => void seen.splice(0) });
      } finally {
        b.newContext = original;
      }
      expect(seen, "Content-Security-Policy violations (or catalogue messages missing) during this test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
