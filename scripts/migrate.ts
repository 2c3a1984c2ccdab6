// `npm run migrate`: apply prisma/migrations to DATABASE_URL.
import { migrate } from "../lib/migrate.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the Postgres to migrate (npm run dev does this for the embedded one).");
  process.exit(1);
}
const applied = await migrate(url, { log: console.log });
console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
