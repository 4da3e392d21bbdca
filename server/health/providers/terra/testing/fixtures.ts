/** Realistic Terra payloads built from the documented fields (tests and local experiments). */

export const TERRA_USER = { user_id: "terra-user-1", provider: "OURA", reference_id: "biosync-user-1", scopes: null, active: true, last_webhook_update: null };

/** A night from 23:10 (+01:00) to 07:02 with a hypnogram and heart-rate samples. */
export function terraSleepRecord(overrides: { summaryId?: string; timestampLocalization?: number } = {}) {
  return {
    metadata: {
      start_time: "2024-03-09T23:10:00.000000+01:00",
      end_time: "2024-03-10T07:02:00.000000+01:00",
      summary_id: overrides.summaryId ?? "sleep-summary-42",
      is_nap: false,
      upload_type: 1,
      timestamp_localization: overrides.timestampLocalization ?? 1,
    },
    device_data: { name: "Oura Ring Gen3", manufacturer: "Oura" },
    sleep_durations_data: {
      sleep_efficiency: 91,
      hypnogram_samples: [
        { timestamp: "2024-03-09T23:10:00+01:00", level: 1 },
        { timestamp: "2024-03-09T23:25:00+01:00", level: 4 },
        { timestamp: "2024-03-10T00:10:00+01:00", level: 5 },
        { timestamp: "2024-03-10T01:30:00+01:00", level: 4 },
        { timestamp: "2024-03-10T02:00:00+01:00", level: 4 },
        { timestamp: "2024-03-10T03:00:00+01:00", level: 6 },
        { timestamp: "2024-03-10T04:00:00+01:00", level: 4 },
        { timestamp: "2024-03-10T06:50:00+01:00", level: 1 },
      ],
      asleep: {
        duration_asleep_state_seconds: 25_500,
        duration_deep_sleep_state_seconds: 4_800,
        duration_light_sleep_state_seconds: 17_100,
        duration_REM_sleep_state_seconds: 3_600,
      },
      awake: { duration_awake_state_seconds: 1_620, sleep_latency_seconds: 900, num_wakeup_events: 2 },
      other: { duration_in_bed_seconds: 28_320 },
    },
    heart_rate_data: {
      summary: { avg_hr_bpm: 56, min_hr_bpm: 47, max_hr_bpm: 71, resting_hr_bpm: 49, avg_hrv_rmssd: 62.5, avg_hrv_sdnn: null },
      detailed: {
        hr_samples: [
          { timestamp: "2024-03-09T23:30:00+01:00", bpm: 60 },
          { timestamp: "2024-03-10T02:30:00+01:00", bpm: 48 },
          { timestamp: "2024-03-10T06:30:00+01:00", bpm: 55 },
        ],
        hrv_samples_rmssd: [],
        hrv_samples_sdnn: [],
      },
    },
    readiness_data: { readiness: 84, recovery_level: 4 },
    respiration_data: {
      breaths_data: { avg_breaths_per_min: 14.5, samples: [] },
      oxygen_saturation_data: { samples: [{ timestamp: "2024-03-10T03:00:00+01:00", percentage: 96 }, { timestamp: "2024-03-10T05:00:00+01:00", percentage: 98 }] },
    },
    temperature_data: { delta: -0.2 },
  };
}

/** A Terra daily for 2024-03-10 (local midnight to midnight, +01:00) with the given totals. */
export function terraDailyRecord(steps: number, totalKcal: number) {
  return {
    metadata: { start_time: "2024-03-10T00:00:00.000000+01:00", end_time: "2024-03-11T00:00:00.000000+01:00", upload_type: 1, timestamp_localization: 1 },
    device_data: { name: "Forerunner 265" },
    distance_data: { steps, distance_meters: steps * 0.75, floors_climbed: 4 },
    calories_data: { total_burned_calories: totalKcal, net_activity_calories: totalKcal - 1600, BMR_calories: 1600 },
    active_durations_data: { activity_seconds: 2_700 },
    heart_rate_data: { summary: { resting_hr_bpm: 51, avg_hrv_rmssd: 58 }, detailed: { hr_samples: [{ timestamp: "2024-03-10T12:00:00+01:00", bpm: 88 }] } },
    oxygen_data: { avg_saturation_percentage: 97 },
    stress_data: { avg_stress_level: 31 },
    scores: { activity: 72, recovery: null, sleep: 80 },
  };
}

export function terraBody(type: string, data: unknown[], user: object | null = TERRA_USER) {
  return JSON.stringify({ type, user, data, version: "2022-03-16" });
}
