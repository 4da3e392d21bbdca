import { z } from "zod";

/** WHOOP API v2 documents (the fields BioSync reads). Durations are milliseconds. */
const num = z.number().nullish();
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO 8601 timestamp.");
const scoreState = z.enum(["SCORED", "PENDING_SCORE", "UNSCORABLE"]);

export const whoopSleepSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  cycle_id: z.number().nullish(),
  start: instant,
  end: instant,
  /** `+hh:mm`, `-hh:mm` or `Z` (not `zone_offset`). */
  timezone_offset: z.string().nullish(),
  nap: z.boolean().nullish(),
  score_state: scoreState,
  updated_at: instant.nullish(),
  score: z
    .object({
      stage_summary: z
        .object({
          total_in_bed_time_milli: num,
          total_awake_time_milli: num,
          total_light_sleep_time_milli: num,
          total_slow_wave_sleep_time_milli: num,
          total_rem_sleep_time_milli: num,
          disturbance_count: num,
        })
        .nullish(),
      respiratory_rate: num,
      sleep_performance_percentage: num,
      sleep_efficiency_percentage: num,
    })
    .nullish(),
});

export const whoopRecoverySchema = z.object({
  cycle_id: z.number(),
  sleep_id: z.union([z.string(), z.number()]).transform(String),
  created_at: instant,
  updated_at: instant.nullish(),
  score_state: scoreState,
  score: z
    .object({
      recovery_score: num,
      resting_heart_rate: num,
      hrv_rmssd_milli: num,
      spo2_percentage: num,
      skin_temp_celsius: num,
    })
    .nullish(),
});

export const whoopCycleSchema = z.object({
  id: z.number(),
  start: instant,
  end: instant.nullish(),
  timezone_offset: z.string().nullish(),
  score_state: scoreState,
  updated_at: instant.nullish(),
  score: z.object({ strain: num, kilojoule: num, average_heart_rate: num, max_heart_rate: num }).nullish(),
});

export const whoopWorkoutSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  start: instant,
  end: instant,
  timezone_offset: z.string().nullish(),
  sport_name: z.string().nullish(),
  score_state: scoreState,
  updated_at: instant.nullish(),
  score: z.object({ strain: num, average_heart_rate: num, max_heart_rate: num, kilojoule: num, distance_meter: num }).nullish(),
});

export const WHOOP_RESOURCE_SCHEMAS = {
  sleep: whoopSleepSchema,
  recovery: whoopRecoverySchema,
  cycle: whoopCycleSchema,
  workout: whoopWorkoutSchema,
} as const;
export type WhoopResource = keyof typeof WHOOP_RESOURCE_SCHEMAS;

export const WHOOP_PATHS: Record<WhoopResource, string> = {
  sleep: "/v2/activity/sleep",
  recovery: "/v2/recovery",
  cycle: "/v2/cycle",
  workout: "/v2/activity/workout",
};

export function isWhoopResource(value: string): value is WhoopResource {
  return Object.hasOwn(WHOOP_RESOURCE_SCHEMAS, value);
}

/** Webhook notification (v2: UUID ids for sleep and workout; recovery events carry the sleep's id). */
export const whoopWebhookSchema = z.object({
  user_id: z.union([z.number(), z.string()]).transform(String),
  id: z.union([z.string(), z.number()]).transform(String),
  type: z.string().regex(/^(sleep|recovery|workout)\.(updated|deleted)$/, "Expected <sleep|recovery|workout>.<updated|deleted>."),
  trace_id: z.string().nullish(),
});
