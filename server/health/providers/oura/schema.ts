import { z } from "zod";

/** Oura API v2 documents (the fields BioSync reads). */
const num = z.number().nullish();
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO 8601 timestamp.");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected YYYY-MM-DD.");

/** `{interval, items, timestamp}`: one item per `interval` seconds from `timestamp`; items may be null. */
const sampleSeries = z.object({ interval: z.number().positive(), items: z.array(z.number().nullable()), timestamp: instant }).nullish();

export const ouraSleepSchema = z.object({
  id: z.string(),
  day,
  type: z.enum(["deleted", "sleep", "long_sleep", "late_nap", "rest"]),
  bedtime_start: instant,
  bedtime_end: instant,
  time_in_bed: num,
  total_sleep_duration: num,
  deep_sleep_duration: num,
  light_sleep_duration: num,
  rem_sleep_duration: num,
  awake_time: num,
  latency: num,
  efficiency: num,
  average_heart_rate: num,
  lowest_heart_rate: num,
  average_hrv: num,
  average_breath: num,
  heart_rate: sampleSeries,
  sleep_phase_5_min: z.string().nullish(),
});

export const ouraDailyReadinessSchema = z.object({
  id: z.string(),
  day,
  score: num,
  temperature_deviation: num,
  timestamp: instant.nullish(),
});

export const ouraDailySleepSchema = z.object({ id: z.string(), day, score: num, timestamp: instant.nullish() });

export const ouraDailyActivitySchema = z.object({
  id: z.string(),
  day,
  score: num,
  steps: num,
  active_calories: num,
  total_calories: num,
  high_activity_time: num,
  medium_activity_time: num,
  timestamp: instant.nullish(),
});

export const ouraHeartRateSchema = z.object({ bpm: z.number(), source: z.string().nullish(), timestamp: instant });

export const ouraDailySpo2Schema = z.object({
  id: z.string(),
  day,
  spo2_percentage: z.object({ average: num }).nullish(),
});

export const OURA_RESOURCE_SCHEMAS = {
  sleep: ouraSleepSchema,
  daily_sleep: ouraDailySleepSchema,
  daily_readiness: ouraDailyReadinessSchema,
  daily_activity: ouraDailyActivitySchema,
  daily_spo2: ouraDailySpo2Schema,
  heartrate: ouraHeartRateSchema,
} as const;
export type OuraResource = keyof typeof OURA_RESOURCE_SCHEMAS;
export const OURA_RESOURCES = Object.keys(OURA_RESOURCE_SCHEMAS) as OuraResource[];

export function isOuraResource(value: string): value is OuraResource {
  return Object.hasOwn(OURA_RESOURCE_SCHEMAS, value);
}

/** Webhook notification: Oura only says what changed; the document is fetched afterwards. */
export const ouraWebhookSchema = z.object({
  event_type: z.enum(["create", "update", "delete"]),
  data_type: z.string().min(1),
  object_id: z.string().min(1),
  event_time: z.string().nullish(),
  user_id: z.string().min(1),
});

export type OuraSleep = z.infer<typeof ouraSleepSchema>;
