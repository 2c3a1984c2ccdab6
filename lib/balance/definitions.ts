// The balance figures defined in words. The words are catalogue messages
// (balance.definitions.* in messages/_parts/balance), referenced from here
// (lib/i18n/text.ts); the Balance page's help text shows them in the reader's
// language. docs/balance-metrics.md repeats the British English word for word
// (test/unit/balance-definitions.test.ts fails if the two drift apart); the
// code in lib/balance/metrics.ts and lib/balance/range-sql.ts does what they say.
import { msg } from "@/lib/i18n/text";

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

const METRIC_KEYS: TMetricKey[] = [
  "night",
  "nightsOnDuty",
  "hoursOnDuty",
  "wakingsHandled",
  "minutesAwake",
  "tapOutsAsked",
  "tapOutsAnswered",
  "protectedSleep",
  "consecutiveNights",
  "share",
];

/** A figure's name and definition, as message references. */
export type TDefinition = { name: string; definition: string };

const defined = <K extends string>(group: string, keys: K[]): Record<K, TDefinition> =>
  Object.fromEntries(
    keys.map((k) => [
      k,
      {
        name: msg(`balance.definitions.${group}.${k}.name`),
        definition: msg(`balance.definitions.${group}.${k}.definition`),
      },
    ]),
  ) as Record<K, TDefinition>;

/** In the order the page lists them. */
export const METRIC_DEFINITIONS: Record<TMetricKey, TDefinition> = defined("metrics", METRIC_KEYS);

export type TWarningKind = "consecutive" | "share" | "sleep";

export const WARNING_DEFINITIONS: Record<TWarningKind, TDefinition> = defined("warnings", [
  "consecutive",
  "share",
  "sleep",
]);
