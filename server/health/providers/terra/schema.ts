import { z } from "zod";

/**
 * Terra's documented data models (the subset BioSync reads). Terra sends nulls freely, so every
 * measurement is nullish; only the identity fields are required. The demo provider sends exactly
 * these shapes.
 */
const num = z.number().nullish();
const isoTimestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "Expected an ISO 8601 timestamp.");

const hrSample = z.object({ timestamp: isoTimestamp, bpm: z.number() });
const rmssdSample = z.object({ timestamp: isoTimestamp, hrv_rmssd: z.number() });
const sdnnSample = z.object({ timestamp: isoTimestamp, hrv_sdnn: z.number() });
const hypnogramSample = z.object({ timestamp: isoTimestamp, level: z.number().int().min(0).max(6) });
const breathSample = z.object({ timestamp: isoTimestamp, breaths_per_min: z.number() });
const saturationSample = z.object({ timestamp: isoTimestamp, percentage: z.number() });

const heartRateData = z
  .object({
    summary: z
      .object({
        avg_hr_bpm: num,
        min_hr_bpm: num,
        max_hr_bpm: num,
        resting_hr_bpm: num,
        avg_hrv_rmssd: num,
        avg_hrv_sdnn: num,
      })
      .nullish(),
    detailed: z
      .object({
        hr_samples: z.array(hrSample).nullish(),
        hrv_samples_rmssd: z.array(rmssdSample).nullish(),
        hrv_samples_sdnn: z.array(sdnnSample).nullish(),
      })
      .nullish(),
  })
  .nullish();

const deviceData = z.object({ name: z.string().nullish(), manufacturer: z.string().nullish() }).nullish();

const metadata = z.object({
  start_time: isoTimestamp,
  end_time: isoTimestamp,
  summary_id: z.string().nullish(),
  upload_type: z.number().nullish(),
  /** 0: timestamps in UTC, 1: in the user's local time. */
  timestamp_localization: z.number().int().nullish(),
});

export const terraSleepSchema = z.object({
  metadata: metadata.extend({ is_nap: z.boolean().nullish() }),
  device_data: deviceData,
  sleep_durations_data: z
    .object({
      sleep_efficiency: num,
      hypnogram_samples: z.array(hypnogramSample).nullish(),
      asleep: z
        .object({
          duration_asleep_state_seconds: num,
          duration_deep_sleep_state_seconds: num,
          duration_light_sleep_state_seconds: num,
          duration_REM_sleep_state_seconds: num,
        })
        .nullish(),
      awake: z.object({ duration_awake_state_seconds: num, sleep_latency_seconds: num, num_wakeup_events: num }).nullish(),
      other: z.object({ duration_in_bed_seconds: num }).nullish(),
    })
    .nullish(),
  heart_rate_data: heartRateData,
  readiness_data: z.object({ readiness: num }).nullish(),
  respiration_data: z
    .object({
      breaths_data: z.object({ avg_breaths_per_min: num, samples: z.array(breathSample).nullish() }).nullish(),
      oxygen_saturation_data: z.object({ avg_saturation_percentage: num, samples: z.array(saturationSample).nullish() }).nullish(),
    })
    .nullish(),
  temperature_data: z.object({ delta: num }).nullish(),
});

export const terraDailySchema = z.object({
  metadata,
  device_data: deviceData,
  distance_data: z.object({ steps: num, distance_meters: num, floors_climbed: num }).nullish(),
  calories_data: z.object({ total_burned_calories: num, net_activity_calories: num, BMR_calories: num }).nullish(),
  active_durations_data: z.object({ activity_seconds: num }).nullish(),
  heart_rate_data: heartRateData,
  oxygen_data: z.object({ avg_saturation_percentage: num, vo2max_ml_per_min_per_kg: num }).nullish(),
  stress_data: z.object({ avg_stress_level: num }).nullish(),
  scores: z.object({ activity: num, recovery: num, sleep: num }).nullish(),
});

export const terraActivitySchema = z.object({
  metadata: metadata.extend({ name: z.string().nullish(), type: z.union([z.number(), z.string()]).nullish() }),
  device_data: deviceData,
  calories_data: z.object({ total_burned_calories: num, net_activity_calories: num }).nullish(),
  distance_data: z.object({ summary: z.object({ distance_meters: num, steps: num }).nullish() }).nullish(),
  heart_rate_data: heartRateData,
});

export const terraBodySchema = z.object({
  metadata,
  device_data: deviceData,
  measurements_data: z
    .object({
      measurements: z
        .array(
          z.object({
            measurement_time: isoTimestamp,
            weight_kg: num,
            height_cm: num,
            bodyfat_percentage: num,
            BMI: num,
          }),
        )
        .nullish(),
    })
    .nullish(),
  temperature_data: z
    .object({ body_temperature_samples: z.array(z.object({ timestamp: isoTimestamp, temperature_celsius: z.number() })).nullish() })
    .nullish(),
});

export const terraNutritionSchema = z.object({
  metadata,
  summary: z
    .object({
      macros: z.object({ calories: num, protein_g: num, carbohydrates_g: num, fat_g: num }).nullish(),
      water_ml: num,
    })
    .nullish(),
});

/** Event types whose `data` carries health records. */
export const TERRA_DATA_TYPES = ["activity", "sleep", "daily", "body", "nutrition", "menstruation", "athlete"] as const;
export type TerraDataType = (typeof TERRA_DATA_TYPES)[number];

export const TERRA_EVENT_TYPES = [
  ...TERRA_DATA_TYPES,
  "auth",
  "deauth",
  "user_reauth",
  "access_revoked",
  "connection_error",
  "processing",
  "large_request_processing",
  "large_request_sending",
  "rate_limit_hit",
  "healthcheck",
] as const;

export const terraUserSchema = z.object({
  user_id: z.string().min(1),
  provider: z.string().nullish(),
  reference_id: z.string().nullish(),
  scopes: z.string().nullish(),
  active: z.boolean().nullish(),
  last_webhook_update: z.string().nullish(),
});

/** The webhook body / REST response envelope. */
export const terraEnvelopeSchema = z.object({
  type: z.enum(TERRA_EVENT_TYPES),
  user: terraUserSchema.nullish(),
  old_user: terraUserSchema.nullish(),
  new_user: terraUserSchema.nullish(),
  data: z.array(z.unknown()).nullish(),
  status: z.string().nullish(),
  message: z.string().nullish(),
  reference: z.string().nullish(),
  version: z.string().nullish(),
});

export const TERRA_RECORD_SCHEMAS = {
  sleep: terraSleepSchema,
  daily: terraDailySchema,
  activity: terraActivitySchema,
  body: terraBodySchema,
  nutrition: terraNutritionSchema,
  menstruation: z.object({ metadata }),
  athlete: z.object({}).loose(),
} as const satisfies Record<TerraDataType, z.ZodType>;

export type TerraSleep = z.infer<typeof terraSleepSchema>;
export type TerraDaily = z.infer<typeof terraDailySchema>;
export type TerraActivity = z.infer<typeof terraActivitySchema>;
export type TerraBody = z.infer<typeof terraBodySchema>;
export type TerraNutrition = z.infer<typeof terraNutritionSchema>;
export type TerraUser = z.infer<typeof terraUserSchema>;

/**
 * Records already checked against their schema in this process (the webhook was parsed, then the
 * same objects are normalized): validated once, not twice. Keyed weakly by the record object.
 */
export const validatedTerraRecords = new WeakMap<object, unknown>();
