/**
 * The demo user's body: a profile, an overnight recovery model (HRV falls and resting heart rate
 * rises after training load, short sleep and jet lag, then recover over a few nights), heart rate
 * through the night and the day, and energy expenditure.
 */
import type { Rng } from "./prng";
import { stageAtMinute, type SleepSegment } from "./sleep-architecture";

export const HR_MIN = 40;
export const HR_MAX = 190;
export const HRV_MIN = 15;
export const HRV_MAX = 150;

export interface Person {
  ageYears: number;
  heightCm: number;
  baseWeightKg: number;
  /** Percent, as Terra reports it. */
  baseBodyFatPercent: number;
  restingHrBase: number;
  hrvBase: number;
  maxHr: number;
  sleepNeedHours: number;
  /** Shifts every bedtime and free-day wake time: positive for a night owl. */
  chronotypeMinutes: number;
}

export function createPerson(rng: Rng): Person {
  const ageYears = rng.int(28, 44);
  return {
    ageYears,
    heightCm: Math.round(rng.uniform(168, 188)),
    baseWeightKg: Math.round(rng.uniform(64, 84) * 10) / 10,
    baseBodyFatPercent: Math.round(rng.uniform(14, 22) * 10) / 10,
    restingHrBase: rng.uniform(50, 58),
    hrvBase: rng.uniform(50, 72),
    maxHr: Math.min(HR_MAX - 2, Math.round(208 - 0.7 * ageYears)),
    sleepNeedHours: rng.uniform(7.4, 8),
    chronotypeMinutes: rng.uniform(-25, 25),
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Banister TRIMP scaled so that an hour of hard intervals is about 1.2 and an easy 45-minute run about 0.4. */
export function trainingLoad(person: Person, restingHr: number, durationMinutes: number, avgHr: number): number {
  const reserve = clamp((avgHr - restingHr) / (person.maxHr - restingHr), 0, 1);
  return (durationMinutes * reserve * 0.64 * Math.exp(1.92 * reserve)) / 100;
}

export interface RecoveryState {
  /** Accumulated short-term stress in log-HRV units; decays by about half each night. */
  strain: number;
  /** 42-day average daily training load (fitness). */
  chronicLoad: number;
  hrvNoise: number;
  rhrNoise: number;
}

export function initialRecovery(): RecoveryState {
  return { strain: 0.15, chronicLoad: 0.45, hrvNoise: 0, rhrNoise: 0 };
}

export interface NightRecoveryInput {
  /** Training load of the day before this night. */
  previousDayLoad: number;
  asleepHours: number;
  jetLagHours: number;
}

export interface NightPhysiology {
  hrvRmssd: number;
  restingHr: number;
  strain: number;
}

export function advanceRecovery(person: Person, state: RecoveryState, input: NightRecoveryInput, rng: Rng): NightPhysiology {
  const shortfall = Math.max(0, person.sleepNeedHours - input.asleepHours);
  state.strain = 0.45 * state.strain + 0.14 * input.previousDayLoad + 0.09 * shortfall + 0.05 * Math.abs(input.jetLagHours);
  state.chronicLoad += (input.previousDayLoad - state.chronicLoad) / 42;
  state.hrvNoise = 0.6 * state.hrvNoise + rng.normal(0, 0.07);
  state.rhrNoise = 0.5 * state.rhrNoise + rng.normal(0, 0.7);
  const fitness = 1 + 0.12 * (state.chronicLoad - 0.45);
  return {
    hrvRmssd: clamp(person.hrvBase * fitness * Math.exp(-state.strain + state.hrvNoise), HRV_MIN, HRV_MAX),
    restingHr: clamp(person.restingHrBase - 6 * (fitness - 1) + 9 * state.strain + state.rhrNoise, HR_MIN + 4, 80),
    strain: state.strain,
  };
}

const SLEEP_HR_STAGE_DELTA = { awake: 8, light: 0, deep: -1.5, rem: 4 } as const;
const SLEEP_HRV_STAGE_FACTOR = { awake: 0.7, light: 1, deep: 1.25, rem: 0.82 } as const;

/** Mean heart rate over the `minute`-th minute in bed: falls through the first hours, climbs toward morning. */
export function sleepHeartRate(segments: readonly SleepSegment[], inBedMinutes: number, minute: number, restingHr: number, rng: Rng): number {
  const progress = minute / inBedMinutes;
  const stage = stageAtMinute(segments, minute);
  const value = restingHr - 2 + 7 * Math.exp(-minute / 60) + 5 * Math.max(0, progress - 0.55) + SLEEP_HR_STAGE_DELTA[stage] + rng.normal(0, 0.8);
  return clamp(value, HR_MIN, HR_MAX);
}

export function sleepHrv(segments: readonly SleepSegment[], minute: number, nightHrv: number, rng: Rng): number {
  const stage = stageAtMinute(segments, minute);
  const settling = 0.85 + 0.2 * Math.min(1, minute / 120);
  return clamp(nightHrv * SLEEP_HRV_STAGE_FACTOR[stage] * settling * Math.exp(rng.normal(0, 0.12)), HRV_MIN, HRV_MAX);
}

export type EffortPattern = "intervals" | "steady" | "sets" | "gentle" | "walk";

/** A stretch of the day with its own heart-rate demand, in minutes from the start of the awake stream. */
export interface Effort {
  startMinute: number;
  endMinute: number;
  pattern: EffortPattern;
  targetHr: number;
}

function effortDemand(effort: Effort, minute: number, restingHr: number): number {
  const into = minute - effort.startMinute;
  const left = effort.endMinute - minute;
  const easy = restingHr + 40;
  if (effort.pattern === "walk") return effort.targetHr;
  let demand = effort.targetHr;
  if (effort.pattern === "intervals" && into >= 10 && left > 6) demand += (into - 10) % 7 < 4 ? 12 : -12;
  if (effort.pattern === "sets") demand += into % 3 === 0 ? 10 : -12;
  if (effort.pattern === "steady") demand += 0.06 * into;
  if (into < 10 && effort.pattern !== "gentle") demand = easy + ((demand - easy) * into) / 10;
  if (left < 6) demand = easy + ((demand - easy) * left) / 6;
  return demand;
}

export interface DaytimeStreamInput {
  minutes: number;
  restingHr: number;
  maxHr: number;
  /** Local clock hour (0–24) at minute 0 of the stream. */
  startLocalHour: number;
  efforts: readonly Effort[];
}

/**
 * Minute-by-minute heart rate while awake: a circadian baseline peaking mid-afternoon, a wake-up
 * rise, an evening wind-down, efforts with a first-order lag, post-exercise elevation and noise.
 */
export function daytimeHeartRates(input: DaytimeStreamInput, rng: Rng): Float64Array {
  const out = new Float64Array(input.minutes);
  let hr = input.restingHr + 12;
  let noise = 0;
  let afterglow = 0;
  let effortIndex = 0;
  const efforts = [...input.efforts].sort((a, b) => a.startMinute - b.startMinute);
  for (let minute = 0; minute < input.minutes; minute++) {
    const localHour = (input.startLocalHour + minute / 60) % 24;
    let demand =
      input.restingHr + 9 + 5 * Math.sin((2 * Math.PI * (localHour - 9)) / 24) + 8 * Math.exp(-minute / 40) - 4 * clamp((minute - (input.minutes - 90)) / 90, 0, 1);
    while (effortIndex < efforts.length && efforts[effortIndex]!.endMinute <= minute) {
      const done = efforts[effortIndex]!;
      if (done.pattern !== "walk") afterglow = Math.max(afterglow, (done.targetHr - input.restingHr) * 0.25);
      effortIndex++;
    }
    const current = efforts[effortIndex];
    const active = current !== undefined && current.startMinute <= minute;
    if (current && active) demand = effortDemand(current, minute, input.restingHr);
    else if (rng.chance(0.01)) demand += 15;
    demand += afterglow;
    afterglow *= 0.96;
    hr += (demand - hr) * (active ? 0.35 : 0.5);
    noise = 0.85 * noise + rng.normal(0, active ? 1.2 : 1.8);
    out[minute] = clamp(hr + noise, HR_MIN, Math.min(HR_MAX, input.maxHr));
  }
  return out;
}

/** Mifflin–St Jeor basal metabolic rate, kcal per day. */
export function basalKcalPerDay(person: Person, weightKg: number): number {
  return 10 * weightKg + 6.25 * person.heightCm - 5 * person.ageYears + 5;
}

/** Keytel et al. 2005 energy expenditure from heart rate (men), kcal per minute, net of basal. */
export function exerciseKcalPerMinute(person: Person, weightKg: number, heartRate: number): number {
  const gross = (-55.0969 + 0.6309 * heartRate + 0.1988 * weightKg + 0.2017 * person.ageYears) / 4.184;
  return Math.max(0, gross - basalKcalPerDay(person, weightKg) / 1440);
}
