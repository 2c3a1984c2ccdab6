// Server-only code never ships to the browser (#11): the production build's
// client chunks (.next/static/chunks, what a browser can download) must hold
// no zod, no Prisma, no database driver, no password hashing, no module
// marked `import "server-only"` (that package throws on load; its message
// would be in the chunk), no Attune server secret names, and none of the date
// forms only the server shows (lib/format.ts createServerFormat). Needs a build
// (`npm run build`), so it runs with the browser tests, after the build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./csp-guard";

const chunks = path.resolve(import.meta.dirname, "..", process.env.NEXT_DIST_DIR || ".next", "static/chunks");

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? clientFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
  );
}

/** What each kind of server code leaves in a bundle (strings minifiers keep). */
const MARKERS: Record<string, string[]> = {
  zod: ["ZodError", "$ZodType", "_zod"],
  prisma: ["PrismaClient", "@prisma/client", "prisma-client", "PrismaClientKnownRequestError"],
  "server-only modules": ["cannot be imported from a Client Component module"],
  "pg driver": ["pg-protocol", "SCRAM-SHA-256"],
  "argon2 / web-push": ["@node-rs/argon2", "web-push", "vapidDetails"],
  "server env": ["DATABASE_URL", "AUTH_SECRET", "VAPID_PRIVATE_KEY"],
  // Not secret, just weight (#11): lib/format.ts's createServerFormat, kept out of useFormat.
  "the server's date forms": ["longDayTime|", "shortDate|"],
};

test("the client bundle holds no zod, Prisma, driver, server-only module, server secret name or server date form", () => {
  const files = clientFiles(chunks);
  expect(files.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const [what, markers] of Object.entries(MARKERS))
      for (const m of markers) if (text.includes(m)) found.push(`${what} ("${m}") in ${path.basename(file)}`);
  }
  expect(found).toEqual([]);
});
