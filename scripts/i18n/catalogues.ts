// Writes messages/en-XA.json, the pseudo-locale (lib/i18n/pseudo.ts), from
// messages/en-GB.json. Run it after changing the British catalogue.
// Usage: npm run i18n            (write)
//        npm run i18n -- --check (fail when en-XA is out of date)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pseudoCatalogue } from "@/lib/i18n/pseudo";

const root = path.resolve(import.meta.dirname, "../../messages");
const british = JSON.parse(readFileSync(path.join(root, "en-GB.json"), "utf8")) as Record<string, unknown>;
const file = path.join(root, "en-XA.json");
const text = `${JSON.stringify(pseudoCatalogue(british), null, 2)}\n`;
if (readFileSync(file, "utf8") === text) console.log("en-XA is up to date");
else if (process.argv.includes("--check")) {
  console.error("messages/en-XA.json is out of date: run npm run i18n");
  process.exit(1);
} else {
  writeFileSync(file, text);
  console.log("messages/en-XA.json written");
}
