// The one place the balance figures are defined in words. The Balance page's
// help text shows these; docs/balance-metrics.md repeats them word for word
// (test/unit/balance-definitions.test.ts fails if the two drift apart); the
// code in lib/balance/metrics.ts and lib/balance/range-sql.ts does what they say.

export type TMetricKey =
  | "night"
  | "nightsOnDuty"
  | "hoursOnDuty"
  | "wakingsHandled"
  | "minutesAwake"
  | "tapOutsAsked"
  | "tapOutsAnswered"
  | "protectedSleep"
  | "consecutiveNights"
  | "share";

export const METRIC_DEFINITIONS: Record<TMetricKey, { name: string; definition: string }> = {
  night: {
    name: "Night",
    definition:
      "A night is the household's night window on the date it starts, in the household's time zone. It lasts what the clock says: 11 or 13 hours for a 12-hour window on the nights the clocks change. A period of the last 7, 14 or 30 nights ends with the last night that is over.",
  },
  nightsOnDuty: {
    name: "Nights on duty",
    definition:
      "A night counts as yours when you were on duty for at least half of that night's shift time. A night split evenly counts for both of you.",
  },
  hoursOnDuty: {
    name: "Hours on duty",
    definition: "The time of all your shifts on the nights of the period, after any swaps were accepted.",
  },
  wakingsHandled: {
    name: "Wakings handled",
    definition:
      "The wakings you got up for: each waking counts for the person who pressed “I'm up” (or was set as the responder later), not for whoever was on duty.",
  },
  minutesAwake: {
    name: "Minutes awake",
    definition:
      "The time between “I'm up” and “Back to sleep” of the wakings you handled. When twins wake at the same time, time that overlaps counts once. A waking still open counts until now, at most until the end of its night.",
  },
  tapOutsAsked: {
    name: "Tap-outs asked",
    definition: "The times you asked for help with “I need you”.",
  },
  tapOutsAnswered: {
    name: "Tap-outs answered",
    definition: "The times you answered someone's “I need you” with “I'm coming”.",
  },
  protectedSleep: {
    name: "Longest protected sleep",
    definition:
      "The longest stretch of the night window in which you were off duty, not up for a waking, and not called by a tap-out. A tap-out you came for takes 30 minutes from when it was asked; one nobody came for (or answered “I can't”) takes 10 minutes from each parent it reached: the person who answered, or every other parent when nobody did. It is counted only on nights that have a duty plan (at least one shift): a night nobody planned has no figure. Over a period, the table shows the typical night (the middle value) and the shortest.",
  },
  consecutiveNights: {
    name: "Nights in a row",
    definition:
      "Nights on duty one after another. “Now” is the run that ends with the last night of the period (or with tonight, when tonight is yours too); “longest” is the longest run inside the period (and tonight, when the run goes on tonight).",
  },
  share: {
    name: "Share",
    definition:
      "Your part of the wakings the parents handled in the period. Helpers are counted on their own and never in the parents' shares, so a night nanny's night doesn't make the parents look unbalanced.",
  },
};

export type TWarningKind = "consecutive" | "share" | "sleep";

export const WARNING_DEFINITIONS: Record<TWarningKind, { name: string; definition: string }> = {
  consecutive: {
    name: "Many nights in a row",
    definition:
      "A caregiver has been, or is about to be, on duty for the household's number of nights in a row (3 unless changed in Settings), counting tonight when tonight is theirs.",
  },
  share: {
    name: "Carrying most of the wakings",
    definition:
      "A parent handled the household's share (65% unless changed in Settings) or more of the parents' wakings over the last 7 nights, once those nights held at least 4 wakings.",
  },
  sleep: {
    name: "Short on sleep",
    definition:
      "A parent's longest protected sleep was shorter than the household's minimum (4 hours unless changed in Settings) on the household's number (3 unless changed) of the last 5 nights.",
  },
};
