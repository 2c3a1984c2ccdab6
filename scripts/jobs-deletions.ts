// `npm run jobs:deletions`: deletes the households whose grace period is over,
// once, then exits (docs/decisions/0031). For deployments that run jobs from
// cron and start their instances with ATTUNE_DELETION_JOB=0; otherwise every
// instance already runs it once a minute. Safe beside those: row locks.
import { runDueHouseholdDeletions } from "../lib/household/deletion-job.ts";
import { getDb } from "../lib/db.ts";
import { mailSettled } from "../lib/mail/send.ts";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to Attune's Postgres.");
  process.exit(1);
}
try {
  const deleted = await runDueHouseholdDeletions(new Date());
  console.log(`${deleted.length} household(s) deleted.`);
  // The former members' emails go out in the background: wait for them before exiting.
  await mailSettled();
} finally {
  await getDb().$disconnect();
}
