import type { Metric, NormalizedBatch, ProviderId, SleepStage } from "../../types";
import { terraOffset, terraRecordId } from "./identity";
import type { TerraSleep } from "./schema";
import { average, BatchBuilder, percentToFraction } from "../shared/batch";
import { intervalsFromPoints } from "../shared/stages";

/** Terra hypnogram levels. */
const TERRA_LEVELS: Record<number, SleepStage> = {
  0: "unknown",
  1: "awake",
  2: "asleep",
  3: "out_of_bed",
  4: "light",
  5: "deep",
  6: "rem",
};

export function normalizeTerraSleep(sleep: TerraSleep, source: ProviderId): NormalizedBatch {
  const meta = sleep.metadata;
  const start = new Date(meta.start_time);
  const end = new Date(meta.end_time);
  const offset = terraOffset(meta);
  const b = new BatchBuilder({
    source,
    idPrefix: `sleep:${terraRecordId("sleep", meta)}`,
    device: sleep.device_data?.name ?? null,
    utcOffsetMinutes: offset,
  });
  const durations = sleep.sleep_durations_data;
  const stages = intervalsFromPoints(
    (durations?.hypnogram_samples ?? []).map((s) => ({ at: new Date(s.timestamp), stage: TERRA_LEVELS[s.level] ?? "unknown" })),
    end,
  );
  b.sleep({
    start,
    end,
    isNap: meta.is_nap ?? false,
    stages,
    totals: {
      inBedSeconds: durations?.other?.duration_in_bed_seconds ?? null,
      asleepSeconds: durations?.asleep?.duration_asleep_state_seconds ?? null,
      awakeSeconds: durations?.awake?.duration_awake_state_seconds ?? null,
      lightSeconds: durations?.asleep?.duration_light_sleep_state_seconds ?? null,
      deepSeconds: durations?.asleep?.duration_deep_sleep_state_seconds ?? null,
      remSeconds: durations?.asleep?.duration_REM_sleep_state_seconds ?? null,
      latencySeconds: durations?.awake?.sleep_latency_seconds ?? null,
    },
    efficiency: percentToFraction(durations?.sleep_efficiency),
    utcOffsetMinutes: offset,
  });

  // Night-level values are readings at wake-up, so they count toward the wake-up day like the session.
  const atWake = (metric: Metric, value: number | null | undefined) => b.sample(metric, end, value, { id: `${metric}:night` });
  const summary = sleep.heart_rate_data?.summary;
  const detailed = sleep.heart_rate_data?.detailed;
  const hrSamples = detailed?.hr_samples ?? [];
  // A night's average and its own samples must not both count toward the day: samples win.
  if (hrSamples.length > 0) for (const s of hrSamples) b.sample("heart_rate", new Date(s.timestamp), s.bpm);
  else atWake("heart_rate", summary?.avg_hr_bpm);
  atWake("resting_heart_rate", summary?.resting_hr_bpm);
  atWake("lowest_heart_rate", summary?.min_hr_bpm);

  // HRV and breathing count as one nightly value (baselines compare nights), never as split intraday samples.
  atWake("hrv_rmssd", summary?.avg_hrv_rmssd ?? average((detailed?.hrv_samples_rmssd ?? []).map((s) => s.hrv_rmssd)));
  atWake("hrv_sdnn", summary?.avg_hrv_sdnn ?? average((detailed?.hrv_samples_sdnn ?? []).map((s) => s.hrv_sdnn)));
  const breaths = sleep.respiration_data?.breaths_data;
  atWake("respiratory_rate", breaths?.avg_breaths_per_min ?? average((breaths?.samples ?? []).map((s) => s.breaths_per_min)));

  const spo2 = sleep.respiration_data?.oxygen_saturation_data;
  atWake("spo2", percentToFraction(spo2?.avg_saturation_percentage ?? average((spo2?.samples ?? []).map((s) => s.percentage))));
  atWake("temperature_deviation", sleep.temperature_data?.delta);
  atWake("readiness", sleep.readiness_data?.readiness);
  return b.batch;
}
