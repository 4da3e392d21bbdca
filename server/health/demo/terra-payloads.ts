/**
 * Terra's documented webhook shapes (the subset the demo device fills) and their builders.
 * Timestamps are ISO strings carrying the user's local offset; `timestamp_localization: 1` says so.
 * These are stricter than the provider's parsing schemas (nothing is null here) and must stay
 * assignable to them: see the compile-time checks at the end of the file.
 */
import type { DemoActivityRecord, DemoBodyRecord, DemoDailyRecord, DemoSleepRecord } from "@/server/health/providers/demo/adapter";

export const TERRA_PAYLOAD_VERSION = "2022-03-16";
export const DEMO_PROVIDER_NAME = "DEMO";
export const DEMO_SCOPES = "activity,body,daily,sleep";

/** Terra hypnogram levels. */
export const TERRA_SLEEP_LEVEL = { awake: 1, light: 4, deep: 5, rem: 6 } as const;
/** Terra SleepUploadType: 2 automatic, 3 tentative (may be revised). */
export const SLEEP_UPLOAD_AUTOMATIC = 2;
export const SLEEP_UPLOAD_TENTATIVE = 3;
/** Terra UploadType: 1 automatic. */
export const UPLOAD_AUTOMATIC = 1;

export type TerraDataType = "sleep" | "daily" | "activity" | "body";

export interface TerraDeviceData {
  name: string;
  manufacturer: string;
  hardware_version: string;
  software_version: string;
}

export interface TerraHrSample {
  timestamp: string;
  bpm: number;
}

export interface TerraSleep {
  metadata: { start_time: string; end_time: string; is_nap: boolean; summary_id: string; upload_type: number; timestamp_localization: number };
  sleep_durations_data: {
    asleep: {
      duration_asleep_state_seconds: number;
      duration_deep_sleep_state_seconds: number;
      duration_light_sleep_state_seconds: number;
      duration_REM_sleep_state_seconds: number;
      num_REM_events: number;
    };
    awake: { duration_awake_state_seconds: number; sleep_latency_seconds: number; num_wakeup_events: number; wake_up_latency_seconds: number };
    other: { duration_in_bed_seconds: number; duration_unmeasurable_sleep_seconds: number };
    hypnogram_samples: { timestamp: string; level: number }[];
  };
  heart_rate_data: {
    summary: { avg_hr_bpm: number; min_hr_bpm: number; max_hr_bpm: number; resting_hr_bpm: number; avg_hrv_rmssd: number };
    detailed: { hr_samples: TerraHrSample[]; hrv_samples_rmssd: { timestamp: string; hrv_rmssd: number }[]; hrv_samples_sdnn: never[] };
  };
  readiness_data: { readiness: number };
  respiration_data: {
    breaths_data: { avg_breaths_per_min: number; min_breaths_per_min: number; max_breaths_per_min: number; samples: never[] };
    oxygen_saturation_data: { avg_saturation_percentage: number; samples: { timestamp: string; percentage: number }[] };
  };
  temperature_data: { delta: number };
  device_data: TerraDeviceData;
}

export interface TerraDaily {
  metadata: { start_time: string; end_time: string; upload_type: number; timestamp_localization: number };
  distance_data: { steps: number; distance_meters: number; floors_climbed: number };
  calories_data: { total_burned_calories: number; net_activity_calories: number; BMR_calories: number };
  active_durations_data: { activity_seconds: number; low_intensity_seconds: number; moderate_intensity_seconds: number; vigorous_intensity_seconds: number };
  heart_rate_data: {
    summary: { avg_hr_bpm: number | null; resting_hr_bpm: number | null; min_hr_bpm: number | null; max_hr_bpm: number | null };
    detailed: { hr_samples: TerraHrSample[] };
  };
  scores: { activity: number; recovery: number | null; sleep: number | null };
  device_data: TerraDeviceData;
}

export interface TerraActivity {
  metadata: { summary_id: string; name: string; type: number; start_time: string; end_time: string; upload_type: number; timestamp_localization: number };
  calories_data: { total_burned_calories: number; net_activity_calories: number };
  distance_data: { summary: { distance_meters: number; steps: number } };
  heart_rate_data: { summary: { avg_hr_bpm: number; max_hr_bpm: number; min_hr_bpm: number; resting_hr_bpm: number } };
  active_durations_data: { activity_seconds: number };
  device_data: TerraDeviceData;
}

export interface TerraBody {
  metadata: { start_time: string; end_time: string; timestamp_localization: number };
  measurements_data: {
    measurements: { measurement_time: string; weight_kg: number; bodyfat_percentage: number; BMI: number; height_cm: number }[];
  };
  device_data: TerraDeviceData;
}

export interface TerraDataByType {
  sleep: TerraSleep;
  daily: TerraDaily;
  activity: TerraActivity;
  body: TerraBody;
}

export interface TerraUserRef {
  user_id: string;
  provider: typeof DEMO_PROVIDER_NAME;
  reference_id: string;
  scopes: string;
  active: boolean;
  last_webhook_update: string;
}

export interface TerraWebhookBody<T extends TerraDataType = TerraDataType> {
  type: T;
  user: TerraUserRef;
  data: TerraDataByType[T][];
  version: string;
}

export const DEMO_RING: TerraDeviceData = { name: "BioSync Demo Ring", manufacturer: "BioSync", hardware_version: "R2", software_version: "2.4.1" };
export const DEMO_SCALE: TerraDeviceData = { name: "BioSync Demo Scale", manufacturer: "BioSync", hardware_version: "S1", software_version: "1.3.0" };

export function webhookBody<T extends TerraDataType>(type: T, user: Omit<TerraUserRef, "last_webhook_update">, record: TerraDataByType[T], sentAt: Date): TerraWebhookBody<T> {
  return { type, user: { ...user, last_webhook_update: sentAt.toISOString() }, data: [record], version: TERRA_PAYLOAD_VERSION };
}

type Fits<T extends U, U> = T;
export type DemoRecordsFitProviderSchemas = [
  Fits<TerraSleep, DemoSleepRecord>,
  Fits<TerraDaily, DemoDailyRecord>,
  Fits<TerraActivity, DemoActivityRecord>,
  Fits<TerraBody, DemoBodyRecord>,
];
