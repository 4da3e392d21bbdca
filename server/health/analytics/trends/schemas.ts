import { z } from "zod";
import { isoDate } from "@/server/inputs";
import { paginated, paginationInput } from "@/server/pagination";
import { BASELINE_METRICS } from "../types";
import { TREND_BUCKETS, TREND_METRICS } from "./catalog";
import { WEEKLY_METRICS } from "./weekly";

/* Inputs and outputs of the trends router. */

const range = { from: isoDate, to: isoDate };

export const seriesInput = z.object({
  metric: z.enum(TREND_METRICS, { message: "Choose a metric from the list." }),
  ...range,
  bucket: z.enum(TREND_BUCKETS, { message: "Bucket by hour, day, week or month." }),
});
export const rangeInput = z.object(range);
export const weeklyInput = z.object({ weeks: z.number().int().min(1).max(52).default(8) });
export const bandsInput = z.object({ metric: z.enum(BASELINE_METRICS, { message: "Choose a metric with a normal range." }), ...range });
export const workoutsInput = paginationInput.extend(range);

const nullableNumber = z.number().nullable();

export const seriesOutput = z.object({
  metric: z.enum(TREND_METRICS),
  label: z.string(),
  bucket: z.enum(TREND_BUCKETS),
  timeZone: z.string(),
  unit: z.string(),
  decimals: z.number(),
  additive: z.boolean(),
  headline: z.enum(["avg", "sum"]),
  buckets: z.array(z.object({ key: z.string(), avg: z.number(), min: z.number(), max: z.number(), sum: z.number(), count: z.number(), readings: nullableNumber })),
});

const stage = z.object({ stage: z.string(), start: z.string(), end: z.string() });

export const nightsOutput = z.object({
  needSeconds: z.number(),
  timeZone: z.string(),
  nights: z.array(
    z.object({
      date: z.string(),
      source: z.string(),
      start: z.date(),
      end: z.date(),
      utcOffsetMinutes: z.number(),
      inBedSeconds: z.number(),
      asleepSeconds: z.number(),
      awakeSeconds: nullableNumber,
      lightSeconds: nullableNumber,
      deepSeconds: nullableNumber,
      remSeconds: nullableNumber,
      latencySeconds: nullableNumber,
      efficiency: nullableNumber,
      midpointMinutes: z.number(),
      regularityMinutes: nullableNumber,
      debtSeconds: nullableNumber,
      stages: z.array(stage),
    }),
  ),
});

const weeklyFigure = z.object({ avg: nullableNumber, days: z.number(), change: nullableNumber, changeRatio: nullableNumber });
const perWeeklyMetric = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(WEEKLY_METRICS.map((m) => [m, item])) as Record<(typeof WEEKLY_METRICS)[number], T>);

export const weeklyOutput = z.object({
  units: perWeeklyMetric(z.object({ unit: z.string(), decimals: z.number() })),
  weeks: z.array(z.object({ week: z.string(), end: z.string(), figures: perWeeklyMetric(weeklyFigure) })),
});

export const loadOutput = z.object({
  measure: z.enum(["active_energy", "steps"]),
  unit: z.string(),
  decimals: z.number(),
  days: z.array(z.object({ date: z.string(), load: nullableNumber, acute: nullableNumber, chronic: nullableNumber, ratio: nullableNumber })),
  latest: z.object({ date: z.string(), ratio: z.number(), zone: z.enum(["low", "balanced", "high", "very_high"]) }).nullable(),
});

export const bandsOutput = z.object({
  metric: z.enum(BASELINE_METRICS),
  unit: z.string(),
  decimals: z.number(),
  days: z.array(z.object({ date: z.string(), value: nullableNumber, mean: z.number(), low: z.number(), high: z.number(), sd: z.number(), baselineDays: z.number() })),
});

export const workoutView = z.object({
  id: z.string(),
  date: z.string(),
  activityType: z.string(),
  source: z.string(),
  start: z.date(),
  end: z.date(),
  utcOffsetMinutes: z.number(),
  durationSeconds: z.number(),
  /** In the user's energy and distance units. */
  energy: nullableNumber,
  distance: nullableNumber,
  avgHeartRate: nullableNumber,
  maxHeartRate: nullableNumber,
});
export const workoutsOutput = paginated(workoutView).extend({
  energyUnit: z.string(),
  distanceUnit: z.string(),
});
