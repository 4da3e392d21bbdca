/** One simulated night → a Terra sleep record (and the physiology the next day builds on). */
import type { Rng } from "./prng";
import { HR_MAX, HR_MIN, advanceRecovery, clamp, round1, sleepHeartRate, sleepHrv, type NightPhysiology, type Person, type RecoveryState } from "./physiology";
import type { NightPlan } from "./schedule";
import { buildSleepArchitecture, stageTotals, type SleepSegment } from "./sleep-architecture";
import { DEMO_RING, SLEEP_UPLOAD_AUTOMATIC, TERRA_SLEEP_LEVEL, type TerraSleep } from "./terra-payloads";
import { MINUTE_MS, type ZonePlan } from "./timeline";

export const SLEEP_SAMPLE_MINUTES = 5;
const SPO2_SAMPLE_MINUTES = 30;

export interface NightSignals {
  /** One value per SLEEP_SAMPLE_MINUTES from the start of the time in bed. */
  heartRates: number[];
  hrvs: number[];
  breathsPerMinute: number;
  temperatureDelta: number;
  spo2Percent: number;
  /** One reading per SPO2_SAMPLE_MINUTES. */
  spo2Samples: number[];
}

export interface SimulatedNight {
  plan: NightPlan;
  segments: SleepSegment[];
  signals: NightSignals;
  physiology: NightPhysiology;
  asleepSeconds: number;
  avgHrv: number;
  readiness: number;
  sleepScore: number;
}

export interface NightInput {
  plan: NightPlan;
  person: Person;
  recovery: RecoveryState;
  previousDayLoad: number;
  jetLagHours: number;
  rng: Rng;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

export function simulateNight({ plan, person, recovery, previousDayLoad, jetLagHours, rng }: NightInput): SimulatedNight {
  const inBedMinutes = Math.round((plan.wake.getTime() - plan.bed.getTime()) / MINUTE_MS);
  const segments = buildSleepArchitecture(rng, inBedMinutes, { deepBoost: 0.12 * previousDayLoad, restless: plan.restless });
  const totals = stageTotals(segments);
  const asleepMinutes = totals.lightMinutes + totals.deepMinutes + totals.remMinutes;
  const physiology = advanceRecovery(person, recovery, { previousDayLoad, asleepHours: asleepMinutes / 60, jetLagHours }, rng);
  const heartRates: number[] = [];
  const hrvs: number[] = [];
  for (let minute = 0; minute < inBedMinutes; minute += SLEEP_SAMPLE_MINUTES) {
    heartRates.push(Math.round(sleepHeartRate(segments, inBedMinutes, minute, physiology.restingHr, rng)));
    hrvs.push(round1(sleepHrv(segments, minute, physiology.hrvRmssd, rng)));
  }
  const spo2Percent = clamp(rng.normal(96.6, 0.6), 94, 98.5);
  const spo2Samples: number[] = [];
  for (let minute = 0; minute < inBedMinutes; minute += SPO2_SAMPLE_MINUTES) spo2Samples.push(round1(clamp(spo2Percent + rng.normal(0, 0.7), 90, 100)));
  const avgHrv = round1(mean(hrvs));
  const asleepHours = asleepMinutes / 60;
  const shortfall = Math.max(0, person.sleepNeedHours - asleepHours);
  const readiness = Math.round(
    clamp(70 + 70 * Math.log(physiology.hrvRmssd / person.hrvBase) - 2.5 * (physiology.restingHr - person.restingHrBase) - 6 * shortfall, 1, 99),
  );
  const sleepScore = Math.round(
    clamp(
      86 - 10 * shortfall - 4 * Math.max(0, asleepHours - person.sleepNeedHours - 1.5) + 60 * (totals.deepMinutes / asleepMinutes - 0.17) + 40 * (totals.remMinutes / asleepMinutes - 0.22) - 0.3 * Math.max(0, totals.awakeMinutes - 20),
      20,
      99,
    ),
  );
  return {
    plan,
    segments,
    physiology,
    asleepSeconds: asleepMinutes * 60,
    avgHrv,
    readiness,
    sleepScore,
    signals: {
      heartRates,
      hrvs,
      breathsPerMinute: round1(14.2 + 0.8 * physiology.strain + rng.normal(0, 0.3)),
      temperatureDelta: Math.round((0.25 * physiology.strain - 0.05 + rng.normal(0, 0.12)) * 100) / 100,
      spo2Percent: round1(mean(spo2Samples)),
      spo2Samples,
    },
  };
}

export interface SleepRecordInput {
  night: SimulatedNight;
  /** Usually night.segments; the tentative first upload passes a provisional scoring. */
  segments: readonly SleepSegment[];
  summaryId: string;
  uploadType?: number;
  zones: ZonePlan;
}

export function buildSleepRecord({ night, segments, summaryId, uploadType = SLEEP_UPLOAD_AUTOMATIC, zones }: SleepRecordInput): TerraSleep {
  const { plan, signals, physiology } = night;
  const at = (minute: number) => zones.format(new Date(plan.bed.getTime() + minute * MINUTE_MS));
  const totals = stageTotals(segments);
  const asleepMinutes = totals.lightMinutes + totals.deepMinutes + totals.remMinutes;
  const heartRates = signals.heartRates;
  const lastSegment = segments.at(-1);
  const hrvAverage = round1(mean(signals.hrvs));
  return {
    metadata: {
      start_time: zones.format(plan.bed),
      end_time: zones.format(plan.wake),
      is_nap: false,
      summary_id: summaryId,
      upload_type: uploadType,
      timestamp_localization: 1,
    },
    sleep_durations_data: {
      asleep: {
        duration_asleep_state_seconds: asleepMinutes * 60,
        duration_deep_sleep_state_seconds: totals.deepMinutes * 60,
        duration_light_sleep_state_seconds: totals.lightMinutes * 60,
        duration_REM_sleep_state_seconds: totals.remMinutes * 60,
        num_REM_events: segments.filter((s) => s.stage === "rem").length,
      },
      awake: {
        duration_awake_state_seconds: totals.awakeMinutes * 60,
        sleep_latency_seconds: totals.latencyMinutes * 60,
        num_wakeup_events: totals.wakeupEvents,
        wake_up_latency_seconds: lastSegment?.stage === "awake" ? lastSegment.minutes * 60 : 0,
      },
      other: { duration_in_bed_seconds: totals.inBedMinutes * 60, duration_unmeasurable_sleep_seconds: 0 },
      hypnogram_samples: segments.map((s) => ({ timestamp: at(s.startMinute), level: TERRA_SLEEP_LEVEL[s.stage] })),
    },
    heart_rate_data: {
      summary: {
        avg_hr_bpm: round1(mean(heartRates)),
        min_hr_bpm: Math.min(...heartRates),
        max_hr_bpm: Math.max(...heartRates),
        resting_hr_bpm: Math.round(clamp(physiology.restingHr, HR_MIN, HR_MAX)),
        avg_hrv_rmssd: hrvAverage,
      },
      detailed: {
        hr_samples: heartRates.map((bpm, i) => ({ timestamp: at(i * SLEEP_SAMPLE_MINUTES), bpm })),
        hrv_samples_rmssd: signals.hrvs.map((hrv_rmssd, i) => ({ timestamp: at(i * SLEEP_SAMPLE_MINUTES), hrv_rmssd })),
        hrv_samples_sdnn: [],
      },
    },
    readiness_data: { readiness: night.readiness },
    respiration_data: {
      breaths_data: {
        avg_breaths_per_min: signals.breathsPerMinute,
        min_breaths_per_min: round1(signals.breathsPerMinute - 1.6),
        max_breaths_per_min: round1(signals.breathsPerMinute + 2.1),
        samples: [],
      },
      oxygen_saturation_data: {
        avg_saturation_percentage: signals.spo2Percent,
        samples: signals.spo2Samples.map((percentage, i) => ({ timestamp: at(i * SPO2_SAMPLE_MINUTES), percentage })),
      },
    },
    temperature_data: { delta: signals.temperatureDelta },
    device_data: DEMO_RING,
  };
}
