// Input that gave the outside probe a 500 (a NUL, a lone surrogate, a version
// past Postgres's integer, a malformed date under a cross-field check) now
// gets a typed "invalid" with a message, and nothing is written. Row ids are
// made up: the schema refuses the input before any row is looked for.
import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { saveBalanceSettingsAction, saveCheckInAction } from "@/lib/balance/actions";
import {
  addActivityAction,
  addPlanItemAction,
  checkOffAction,
  editActivityAction,
  skipPlanItemAction,
} from "@/lib/connect/actions";
import { addUnavailabilityAction, deleteShiftAction, requestSwapAction, updateShiftAction } from "@/lib/nights/actions";
import { afterWakingAction, endWakingAction, updateWakingAction } from "@/lib/log/actions";
import { updateNoteAction } from "@/lib/notes/actions";
import type { TServerAction } from "@/lib/action";
import { caregiverIdOf, dumpTables, makeFamily, signInAs } from "../helpers/factories";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const NUL = "before\u0000after";
const LONE = "half an emoji \uD83D here";
const HUGE = "99999999999";

type TCase = [
  string,
  TServerAction<unknown>,
  (ids: { householdId: string; me: string }) => Record<string, unknown>,
  RegExp,
];
const id = () => randomUUID();

const CASES: TCase[] = [
  [
    "unavailability: malformed last day",
    addUnavailabilityAction,
    (c) => ({ ...c, caregiverId: c.me, from: "2026-12-01", to: "2026-1-1" }),
    /YYYY-MM-DD/,
  ],
  [
    "unavailability: empty last day",
    addUnavailabilityAction,
    (c) => ({ ...c, caregiverId: c.me, from: "2026-12-01", to: "" }),
    /YYYY-MM-DD|date/,
  ],
  [
    "unavailability: NUL in the note",
    addUnavailabilityAction,
    (c) => ({ ...c, caregiverId: c.me, from: "2026-12-01", to: "2026-12-02", note: NUL }),
    /control characters/,
  ],
  [
    "shift: version past int4 (update)",
    updateShiftAction,
    (c) => ({ ...c, shiftId: id(), version: HUGE, caregiverId: c.me, start: "19:00", end: "07:00" }),
    /Reload/,
  ],
  ["shift: version past int4 (delete)", deleteShiftAction, (c) => ({ ...c, shiftId: id(), version: HUGE }), /Reload/],
  [
    "note: version past int4",
    updateNoteAction,
    (c) => ({ ...c, noteId: id(), version: HUGE, body: "hello" }),
    /Reload/,
  ],
  [
    "activity: version past int4",
    editActivityAction,
    (c) => ({ ...c, activityId: id(), version: HUGE, name: "Walk" }),
    /Reload/,
  ],
  ["activity: NUL in the why", addActivityAction, (c) => ({ ...c, name: "Walk", why: NUL }), /control characters/],
  ["check-in: NUL in the note", saveCheckInAction, (c) => ({ ...c, sleepiness: "5", note: NUL }), /control characters/],
  ["check-in: a lone surrogate", saveCheckInAction, (c) => ({ ...c, sleepiness: "5", note: LONE }), /broken character/],
  [
    "plan item: NUL in the note",
    addPlanItemAction,
    (c) => ({ ...c, activity: "holding", date: "2026-12-01", note: NUL }),
    /control characters/,
  ],
  [
    "check-off: NUL in the note",
    checkOffAction,
    (c) => ({ ...c, planItemId: id(), date: "2026-12-01", note: NUL }),
    /control characters/,
  ],
  [
    "skip: NUL in the reason",
    skipPlanItemAction,
    (c) => ({ ...c, planItemId: id(), date: "2026-12-01", reason: NUL }),
    /control characters/,
  ],
  [
    "swap: a lone surrogate in the message",
    requestSwapAction,
    (c) => ({ ...c, shiftId: id(), message: LONE }),
    /broken character/,
  ],
  [
    "waking: NUL in the note (back to sleep)",
    endWakingAction,
    (c) => ({ ...c, wakingId: id(), note: NUL }),
    /control characters/,
  ],
  [
    "waking: NUL in the note (after back to sleep)",
    afterWakingAction,
    (c) => ({ ...c, wakingId: id(), note: NUL }),
    /control characters/,
  ],
  [
    "waking: version past int4 (edit)",
    updateWakingAction,
    (c) => ({ ...c, wakingId: id(), version: HUGE, responderId: c.me, start: "02:00", end: "02:20" }),
    /Reload/,
  ],
  [
    "balance settings: a lone surrogate",
    saveBalanceSettingsAction,
    (c) => ({
      ...c,
      warnConsecutive: "3",
      warnSharePercent: "65",
      warnSleepHours: "4",
      warnSleepNights: "3",
      supportText: LONE,
    }),
    /broken character/,
  ],
];

it.each(CASES)("%s: a clear message, nothing written", async (_name, action, input, message) => {
  const f = await makeFamily("H");
  await signInAs(f.parent);
  const before = await dumpTables();
  const result = await action(null, input({ householdId: f.householdId, me: await caregiverIdOf(f.parent) }));
  expect(result).toMatchObject({ ok: false, code: "invalid" });
  expect((result as { message: string }).message).toMatch(message);
  expect(await dumpTables()).toEqual(before);
});
