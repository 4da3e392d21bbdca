/** One simulated waking day → heart rate stream, workout records and the day's running totals. */
import type { Rng } from "./prng";
import {
  basalKcalPerDay,
  clamp,
  daytimeHeartRates,
  exerciseKcalPerMinute,
  round1,
  trainingLoad,
  type Effort,
  type Person,
} from "./physiology";
import type { DayPlan, PlannedWorkout } from "./schedule";
import { DEMO_RING, UPLOAD_AUTOMATIC, type TerraActivity, type TerraHrSample } from "./terra-payloads";
import { MINUTE_MS, type ZonePlan } from "./timeline";

export interface SimulatedWorkout {
  planned: PlannedWorkout;
  avgHr: number;
  maxHr: number;
  minHr: number;
  activeKcal: number;
  distanceMeters: number;
  steps: number;
  load: number;
}

export interface SimulatedDay {
  plan: DayPlan;
  /** Minute 0 of `heartRates` (the wake-up minute). */
  streamStart: Date;
  streamEnd: Date;
  heartRates: Float64Array;
  workouts: SimulatedWorkout[];
  load: number;
}

export interface DayInput {
  plan: DayPlan;
  wake: Date;
  bed: Date;
  restingHr: number;
  person: Person;
  zones: ZonePlan;
  rng: Rng;
}

function minuteIndex(streamStart: Date, instant: Date): number {
  return Math.round((instant.getTime() - streamStart.getTime()) / MINUTE_MS);
}

export function simulateDay({ plan, wake, bed, restingHr, person, zones, rng }: DayInput): SimulatedDay {
  const minutes = Math.max(0, minuteIndex(wake, bed));
  const reserve = person.maxHr - restingHr;
  const efforts: Effort[] = [
    ...plan.walks.map((w) => ({ startMinute: minuteIndex(wake, w.start), endMinute: minuteIndex(wake, w.end), pattern: "walk" as const, targetHr: restingHr + 40 + rng.uniform(0, 10) })),
    ...plan.workouts.map((w) => ({
      startMinute: minuteIndex(wake, w.start),
      endMinute: minuteIndex(wake, w.end),
      pattern: w.kind.pattern,
      targetHr: restingHr + reserve * w.kind.reserve * rng.uniform(0.95, 1.05),
    })),
  ];
  const offset = zones.offsetAt(wake);
  const startLocalHour = (((wake.getTime() / MINUTE_MS + offset) / 60) % 24 + 24) % 24;
  const heartRates = daytimeHeartRates({ minutes, restingHr, maxHr: person.maxHr, startLocalHour, efforts }, rng);
  const workouts = plan.workouts.map((planned): SimulatedWorkout => {
    const from = minuteIndex(wake, planned.start);
    const to = minuteIndex(wake, planned.end);
    const slice = Array.from(heartRates.subarray(from, to));
    const avgHr = slice.reduce((sum, v) => sum + v, 0) / Math.max(1, slice.length);
    const duration = to - from;
    return {
      planned,
      avgHr: round1(avgHr),
      maxHr: Math.round(Math.max(...slice)),
      minHr: Math.round(Math.min(...slice)),
      activeKcal: Math.round(slice.reduce((sum, hr) => sum + exerciseKcalPerMinute(person, person.baseWeightKg, hr), 0)),
      distanceMeters: Math.round(duration * planned.kind.metersPerMinute * rng.uniform(0.94, 1.06)),
      steps: Math.round(duration * planned.kind.stepsPerMinute * rng.uniform(0.96, 1.04)),
      load: trainingLoad(person, restingHr, duration, avgHr),
    };
  });
  return { plan, streamStart: wake, streamEnd: bed, heartRates, workouts, load: workouts.reduce((sum, w) => sum + w.load, 0) };
}

/** Heart-rate samples every `resolutionMinutes` (the mean of each block), stamped in local time. */
export function heartRateSamples(day: SimulatedDay, zones: ZonePlan, resolutionMinutes: number): { instant: Date; sample: TerraHrSample }[] {
  const out: { instant: Date; sample: TerraHrSample }[] = [];
  const { heartRates } = day;
  for (let minute = 0; minute < heartRates.length; minute += resolutionMinutes) {
    const end = Math.min(heartRates.length, minute + resolutionMinutes);
    let sum = 0;
    for (let i = minute; i < end; i++) sum += heartRates[i]!;
    const instant = new Date(day.streamStart.getTime() + minute * MINUTE_MS);
    out.push({ instant, sample: { timestamp: zones.format(instant), bpm: Math.round(sum / (end - minute)) } });
  }
  return out;
}

export interface ActivityTotals {
  steps: number;
  distanceMeters: number;
  activeKcal: number;
  activitySeconds: number;
  lowSeconds: number;
  moderateSeconds: number;
  vigorousSeconds: number;
}

function overlapMinutes(start: Date, end: Date, cutoff: Date): number {
  return Math.max(0, (Math.min(end.getTime(), cutoff.getTime()) - start.getTime()) / MINUTE_MS);
}

const WALK_STRIDE_M = 0.74;
const POTTER_STRIDE_M = 0.6;
const KCAL_PER_STEP = 0.04;
const ROAD_BIKING = 16;

/** The day's movement up to `cutoff` (the whole day when the cutoff is past bedtime). */
export function activityTotals(day: SimulatedDay, cutoff: Date): ActivityTotals {
  const awakeMinutes = Math.max(1, day.heartRates.length);
  const elapsed = clamp(overlapMinutes(day.streamStart, day.streamEnd, cutoff) / awakeMinutes, 0, 1);
  const background = day.plan.backgroundSteps * elapsed;
  let walkSteps = 0;
  let walkMinutes = 0;
  for (const walk of day.plan.walks) {
    const minutes = overlapMinutes(walk.start, walk.end, cutoff);
    walkSteps += minutes * walk.stepsPerMinute;
    walkMinutes += minutes;
  }
  let workoutSteps = 0;
  let workoutMeters = 0;
  let workoutKcal = 0;
  let vigorous = 0;
  let moderate = walkMinutes * 60;
  for (const workout of day.workouts) {
    const total = (workout.planned.end.getTime() - workout.planned.start.getTime()) / MINUTE_MS;
    const share = total > 0 ? overlapMinutes(workout.planned.start, workout.planned.end, cutoff) / total : 0;
    workoutSteps += workout.steps * share;
    if (workout.planned.kind.terraType !== ROAD_BIKING) workoutMeters += workout.distanceMeters * share;
    workoutKcal += workout.activeKcal * share;
    if (workout.planned.kind.reserve >= 0.6) vigorous += total * share * 60;
    else moderate += total * share * 60;
  }
  const low = (background / 100) * 60;
  return {
    steps: Math.round(background + walkSteps + workoutSteps),
    distanceMeters: Math.round(background * POTTER_STRIDE_M + walkSteps * WALK_STRIDE_M + workoutMeters),
    activeKcal: Math.round((background + walkSteps) * KCAL_PER_STEP + workoutKcal),
    activitySeconds: Math.round(low + moderate + vigorous),
    lowSeconds: Math.round(low),
    moderateSeconds: Math.round(moderate),
    vigorousSeconds: Math.round(vigorous),
  };
}

export function basalKcalUntil(person: Person, weightKg: number, dayStart: Date, dayEnd: Date, cutoff: Date): number {
  const share = clamp((cutoff.getTime() - dayStart.getTime()) / (dayEnd.getTime() - dayStart.getTime()), 0, 1);
  return Math.round(basalKcalPerDay(person, weightKg) * share);
}

export function activityRecord(workout: SimulatedWorkout, summaryId: string, restingHr: number, basalKcalPerDay: number, zones: ZonePlan): TerraActivity {
  const { planned } = workout;
  const seconds = Math.round((planned.end.getTime() - planned.start.getTime()) / 1000);
  return {
    metadata: {
      summary_id: summaryId,
      name: planned.kind.name,
      type: planned.kind.terraType,
      start_time: zones.format(planned.start),
      end_time: zones.format(planned.end),
      upload_type: UPLOAD_AUTOMATIC,
      timestamp_localization: 1,
    },
    calories_data: { total_burned_calories: Math.round(workout.activeKcal + (seconds / 86_400) * basalKcalPerDay), net_activity_calories: workout.activeKcal },
    distance_data: { summary: { distance_meters: workout.distanceMeters, steps: workout.steps } },
    heart_rate_data: { summary: { avg_hr_bpm: workout.avgHr, max_hr_bpm: workout.maxHr, min_hr_bpm: workout.minHr, resting_hr_bpm: Math.round(restingHr) } },
    active_durations_data: { activity_seconds: seconds },
    device_data: DEMO_RING,
  };
}
