import { apiRoute } from "@/lib/api/http";
import { apiNight, apiShift } from "@/lib/api/present";
import { getTonight } from "@/lib/nights/read-nights";

export const dynamic = "force-dynamic";

/** Tonight's duty: the night (in progress or next), who is on now and who is next. Scope `read`. */
export const GET = apiRoute(async ({ actor, householdId }) => {
  const view = await getTonight(actor, { householdId });
  return {
    body: {
      night: apiNight(view, view.tonight),
      onDuty: view.duty.onDuty && apiShift(view, view.duty.onDuty),
      next: view.duty.next && apiShift(view, view.duty.next),
    },
  };
});
