import type { z } from "zod";
import type { TNight, TNightShift, TNightsView } from "@/lib/nights/read-nights";
import type { ZApiNight, ZApiShift } from "@/lib/api/schemas";

// The app's read models (lib/nights/read-nights.ts) as the API documents
// them: plain and stable, with names instead of screen colours. Pure.

type TApiShift = z.infer<typeof ZApiShift>;
type TApiNight = z.infer<typeof ZApiNight>;

export function apiShift(view: Pick<TNightsView, "caregivers">, s: TNightShift): TApiShift {
  const name = view.caregivers.find((c) => c.id === s.caregiverId)?.name ?? "";
  return { id: s.id, caregiverId: s.caregiverId, caregiverName: name, start: s.start, end: s.end };
}

export function apiNight(view: Pick<TNightsView, "caregivers">, n: TNight): TApiNight {
  return { date: n.date, start: n.start, end: n.end, shifts: n.shifts.map((s) => apiShift(view, s)) };
}
