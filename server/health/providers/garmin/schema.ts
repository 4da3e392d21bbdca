import { z } from "zod";

/** Garmin Health API summaries (push payloads and pull responses). Times are Unix seconds plus the local offset in seconds. */
const num = z.number().nullish();
const common = {
  userId: z.string().min(1),
  summaryId: z.string().min(1),
  calendarDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  startTimeInSeconds: z.number(),
  startTimeOffsetInSeconds: z.number().nullish(),
  durationInSeconds: num,
};
/** `{ "<offset seconds>": value }` maps used for intraday series. */
const offsetSeries = z.record(z.string().regex(/^\d+$/), z.number()).nullish();
const span = z.object({ startTimeInSeconds: z.number(), endTimeInSeconds: z.number() });

export const garminDailySchema = z.object({
  ...common,
  steps: num,
  distanceInMeters: num,
  activeKilocalories: num,
  bmrKilocalories: num,
  floorsClimbed: num,
  moderateIntensityDurationInSeconds: num,
  vigorousIntensityDurationInSeconds: num,
  restingHeartRateInBeatsPerMinute: num,
  averageStressLevel: num,
  timeOffsetHeartRateSamples: offsetSeries,
});
export const garminEpochSchema = z.object({ ...common, steps: num });
export const garminSleepSchema = z.object({
  ...common,
  deepSleepDurationInSeconds: num,
  lightSleepDurationInSeconds: num,
  remSleepInSeconds: num,
  awakeDurationInSeconds: num,
  sleepLevelsMap: z.object({ deep: z.array(span).nullish(), light: z.array(span).nullish(), rem: z.array(span).nullish(), awake: z.array(span).nullish() }).nullish(),
  timeOffsetSleepRespiration: offsetSeries,
  timeOffsetSleepSpo2: offsetSeries,
  overallSleepScore: z.object({ value: num }).nullish(),
});
export const garminHrvSchema = z.object({ ...common, lastNightAvg: num });
export const garminBodyCompSchema = z.object({
  userId: z.string().min(1),
  summaryId: z.string().min(1),
  measurementTimeInSeconds: z.number(),
  measurementTimeOffsetInSeconds: num,
  weightInGrams: num,
  bodyFatInPercent: num,
  bodyMassIndex: num,
});
export const garminPulseOxSchema = z.object({ ...common, timeOffsetSpo2Values: offsetSeries });
export const garminRespirationSchema = z.object({ ...common, timeOffsetEpochToBreaths: offsetSeries });
export const garminSkinTempSchema = z.object({ ...common, avgDeviationCelsius: num });
export const garminActivitySchema = z.object({
  ...common,
  activityType: z.string().nullish(),
  activityName: z.string().nullish(),
  activeKilocalories: num,
  distanceInMeters: num,
  averageHeartRateInBeatsPerMinute: num,
  maxHeartRateInBeatsPerMinute: num,
});

export const GARMIN_SUMMARY_SCHEMAS = {
  dailies: garminDailySchema,
  epochs: garminEpochSchema,
  sleeps: garminSleepSchema,
  hrv: garminHrvSchema,
  bodyComps: garminBodyCompSchema,
  pulseox: garminPulseOxSchema,
  respiration: garminRespirationSchema,
  skinTemp: garminSkinTempSchema,
  activities: garminActivitySchema,
} as const;
export type GarminSummaryType = keyof typeof GARMIN_SUMMARY_SCHEMAS;
export const GARMIN_SUMMARY_TYPES = Object.keys(GARMIN_SUMMARY_SCHEMAS) as GarminSummaryType[];

export function isGarminSummaryType(value: string): value is GarminSummaryType {
  return Object.hasOwn(GARMIN_SUMMARY_SCHEMAS, value);
}

/** Garmin names the all-day respiration list `allDayRespiration` in pushes; both spellings are accepted. */
export const GARMIN_KEY_ALIASES: Record<string, GarminSummaryType> = { allDayRespiration: "respiration" };

/** A ping: where to pull the summaries of one upload. */
export const garminPingSchema = z.object({
  userId: z.string().min(1),
  callbackURL: z.url(),
  uploadStartTimeInSeconds: num,
  uploadEndTimeInSeconds: num,
});

export const garminDeregistrationSchema = z.object({ userId: z.string().min(1) });
export const garminPermissionChangeSchema = z.object({ userId: z.string().min(1), permissions: z.array(z.string()).nullish() });
