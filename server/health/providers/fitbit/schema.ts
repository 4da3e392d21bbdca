import { z } from "zod";

/**
 * Fitbit Web API documents (metric units: no Accept-Language header is sent). Times are the
 * user's wall-clock time without an offset, read in the user's zone.
 */
const num = z.number().nullish();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected YYYY-MM-DD.");

export const fitbitNotificationSchema = z
  .array(
    z.object({
      collectionType: z.enum(["activities", "body", "foods", "sleep", "userRevokedAccess", "deleteUser"]),
      date: date.nullish(),
      ownerId: z.string().min(1),
      ownerType: z.string().nullish(),
      subscriptionId: z.string().min(1),
    }),
  )
  .min(1);

/** `GET /1/user/-/activities/date/{date}.json`, stored with the date it was asked for. */
export const fitbitActivityDaySchema = z.object({
  date,
  summary: z.object({
    steps: num,
    caloriesOut: num,
    activityCalories: num,
    caloriesBMR: num,
    floors: num,
    fairlyActiveMinutes: num,
    veryActiveMinutes: num,
    distances: z.array(z.object({ activity: z.string(), distance: z.number() })).nullish(),
  }),
  activities: z
    .array(
      z.object({
        logId: z.number(),
        activityName: z.string().nullish(),
        startDate: date,
        startTime: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/),
        duration: z.number(),
        calories: num,
        distance: num,
      }),
    )
    .nullish(),
});

/** `GET /1/user/-/activities/heart/date/{date}/1d/1min.json`, stored with its date. */
export const fitbitHeartDaySchema = z.object({
  date,
  "activities-heart": z.array(z.object({ dateTime: date, value: z.object({ restingHeartRate: num }).loose() })).nullish(),
  "activities-heart-intraday": z
    .object({ dataset: z.array(z.object({ time: z.string().regex(/^\d{2}:\d{2}:\d{2}$/), value: z.number() })) })
    .nullish(),
});

const levelName = z.enum(["deep", "light", "rem", "wake", "asleep", "restless", "awake", "unknown"]);

/** One log of `GET /1.2/user/-/sleep/date/{start}/{end}.json`. */
export const fitbitSleepLogSchema = z.object({
  logId: z.number(),
  dateOfSleep: date,
  startTime: z.string(),
  endTime: z.string(),
  isMainSleep: z.boolean().nullish(),
  efficiency: num,
  minutesAsleep: num,
  minutesAwake: num,
  minutesToFallAsleep: num,
  timeInBed: num,
  type: z.enum(["stages", "classic"]).nullish(),
  levels: z
    .object({
      data: z.array(z.object({ dateTime: z.string(), level: levelName, seconds: z.number() })).nullish(),
      summary: z.record(z.string(), z.object({ minutes: z.number() }).loose()).nullish(),
    })
    .nullish(),
});

/** One day of `GET /1/user/-/hrv/date/{start}/{end}.json` (RMSSD in ms, from the main sleep). */
export const fitbitHrvDaySchema = z.object({ dateTime: date, value: z.object({ dailyRmssd: num, deepRmssd: num }) });

/** One log of `GET /1/user/-/body/log/weight/date/{start}/{end}.json` (kg; fat in percent). */
export const fitbitWeightLogSchema = z.object({ logId: z.number(), date, time: z.string().nullish(), weight: num, bmi: num, fat: num });

export const FITBIT_RESOURCE_SCHEMAS = {
  activities: fitbitActivityDaySchema,
  heart: fitbitHeartDaySchema,
  sleep: fitbitSleepLogSchema,
  hrv: fitbitHrvDaySchema,
  weight: fitbitWeightLogSchema,
} as const;
export type FitbitResource = keyof typeof FITBIT_RESOURCE_SCHEMAS;

export function isFitbitResource(value: string): value is FitbitResource {
  return Object.hasOwn(FITBIT_RESOURCE_SCHEMAS, value);
}
