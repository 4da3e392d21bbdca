/** A Terra daily summary from a simulated day, whole or as of an intraday cutoff. */
import { activityTotals, basalKcalUntil, type SimulatedDay } from "./day-simulation";
import type { SimulatedNight } from "./night-simulation";
import { clamp, round1, type Person } from "./physiology";
import { DEMO_RING, UPLOAD_AUTOMATIC, type TerraDaily, type TerraHrSample } from "./terra-payloads";
import type { ZonePlan } from "./timeline";

export interface DailyInput {
  day: SimulatedDay;
  night: SimulatedNight;
  nightWorn: boolean;
  samples: TerraHrSample[];
  cutoff: Date;
  dayStart: Date;
  dayEnd: Date;
  person: Person;
  weightKg: number;
  zones: ZonePlan;
}

export function dailyRecord({ day, night, nightWorn, samples, cutoff, dayStart, dayEnd, person, weightKg, zones }: DailyInput): TerraDaily {
  const zone = day.plan.timeZone;
  const totals = activityTotals(day, cutoff);
  const bmr = basalKcalUntil(person, weightKg, dayStart, dayEnd, cutoff);
  const bpms = samples.map((s) => s.bpm);
  return {
    metadata: { start_time: zones.formatIn(dayStart, zone), end_time: zones.formatIn(dayEnd, zone), upload_type: UPLOAD_AUTOMATIC, timestamp_localization: 1 },
    distance_data: { steps: totals.steps, distance_meters: totals.distanceMeters, floors_climbed: Math.round(day.plan.floors * clamp((cutoff.getTime() - day.streamStart.getTime()) / (day.streamEnd.getTime() - day.streamStart.getTime()), 0, 1)) },
    calories_data: { total_burned_calories: bmr + totals.activeKcal, net_activity_calories: totals.activeKcal, BMR_calories: bmr },
    active_durations_data: {
      activity_seconds: totals.activitySeconds,
      low_intensity_seconds: totals.lowSeconds,
      moderate_intensity_seconds: totals.moderateSeconds,
      vigorous_intensity_seconds: totals.vigorousSeconds,
    },
    heart_rate_data: {
      summary: {
        avg_hr_bpm: bpms.length > 0 ? round1(bpms.reduce((a, b) => a + b, 0) / bpms.length) : null,
        resting_hr_bpm: nightWorn ? Math.round(night.physiology.restingHr) : null,
        min_hr_bpm: bpms.length > 0 ? bpms.reduce((a, b) => Math.min(a, b)) : null,
        max_hr_bpm: bpms.length > 0 ? bpms.reduce((a, b) => Math.max(a, b)) : null,
      },
      detailed: { hr_samples: samples },
    },
    scores: {
      activity: Math.round(clamp(35 + totals.steps / 400 + totals.activeKcal / 25, 1, 100)),
      recovery: nightWorn ? night.readiness : null,
      sleep: nightWorn ? night.sleepScore : null,
    },
    device_data: DEMO_RING,
  };
}
