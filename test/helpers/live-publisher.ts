// Another server process, for test/integration/live.test.ts: publishes one
// live event with the app's own publish() against DATABASE_URL and exits.
//   node --conditions=react-server --import tsx test/helpers/live-publisher.ts <householdId> <type>
// (react-server: lib/live/events.ts imports "server-only".)
import { getDb } from "@/lib/db";
import { publish, type TLiveEventType } from "@/lib/live/events";

const [householdId, type = "shift.changed"] = process.argv.slice(2);
if (!householdId) {
  console.error("usage: live-publisher.ts <householdId> [type]");
  process.exit(2);
}
const db = getDb();
try {
  const id = await db.$transaction((tx) =>
    publish(tx, { type: type as TLiveEventType, householdId, ids: [`from-pid-${process.pid}`] }),
  );
  console.log(JSON.stringify({ id, pid: process.pid }));
} finally {
  await db.$disconnect();
}
