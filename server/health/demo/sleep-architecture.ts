/**
 * One night's hypnogram: sleep-onset latency, ~90-minute cycles with deep sleep concentrated in the
 * first cycles and REM growing toward morning, brief awakenings between cycles, a few minutes awake
 * before getting up. Whole minutes, so stage totals add up exactly to the time in bed.
 */
import type { Rng } from "./prng";

export type DemoSleepStage = "awake" | "light" | "deep" | "rem";

export interface SleepSegment {
  stage: DemoSleepStage;
  /** Minutes from the start of the time in bed. */
  startMinute: number;
  minutes: number;
}

export interface SleepArchitectureOptions {
  /** Extra deep sleep after training load or sleep pressure, e.g. 0.15 = 15 % more. */
  deepBoost: number;
  /** A night with one long awakening and more frequent brief ones. */
  restless: boolean;
}

const DEEP_MINUTES_BY_CYCLE = [40, 28, 12, 5];
const REM_MINUTES_BY_CYCLE = [8, 15, 22, 27, 30];
const MIN_LIGHT_PER_CYCLE = 15;

function clampRound(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}

function cycleParts(rng: Rng, index: number, nominalMinutes: number, options: SleepArchitectureOptions): [DemoSleepStage, number][] {
  const awakening = index > 0 && rng.chance(options.restless ? 0.5 : 0.28) ? rng.int(2, 6) : 0;
  const longAwakening = options.restless && index === 2 ? rng.int(15, 35) : 0;
  const awake = awakening + longAwakening;
  let deep = Math.round((DEEP_MINUTES_BY_CYCLE[index] ?? 0) * (1 + options.deepBoost) * rng.uniform(0.8, 1.2));
  let rem = Math.round((REM_MINUTES_BY_CYCLE[index] ?? REM_MINUTES_BY_CYCLE.at(-1)!) * rng.uniform(0.8, 1.2));
  const room = nominalMinutes - awake - MIN_LIGHT_PER_CYCLE;
  if (deep + rem > room) {
    const scale = Math.max(0, room) / (deep + rem);
    deep = Math.floor(deep * scale);
    rem = Math.floor(rem * scale);
  }
  const light = nominalMinutes - awake - deep - rem;
  const lightBeforeDeep = Math.round(light * 0.55);
  return [
    ["awake", awake],
    ["light", lightBeforeDeep],
    ["deep", deep],
    ["light", light - lightBeforeDeep],
    ["rem", rem],
  ];
}

function appendSegment(segments: SleepSegment[], stage: DemoSleepStage, minutes: number): void {
  if (minutes <= 0) return;
  const last = segments.at(-1);
  if (last && last.stage === stage) {
    last.minutes += minutes;
    return;
  }
  const startMinute = last ? last.startMinute + last.minutes : 0;
  segments.push({ stage, startMinute, minutes });
}

export function buildSleepArchitecture(rng: Rng, inBedMinutes: number, options: SleepArchitectureOptions): SleepSegment[] {
  const segments: SleepSegment[] = [];
  const latency = clampRound(rng.normal(12, 5), 3, 30);
  const finalWake = clampRound(rng.uniform(2, 12), 2, 12);
  const sleepPeriod = inBedMinutes - latency - finalWake;
  appendSegment(segments, "awake", latency);
  let used = 0;
  for (let index = 0; used < sleepPeriod; index++) {
    const remaining = sleepPeriod - used;
    const nominal = clampRound(rng.normal(92, 10), 70, 115);
    // A tail too short for a cycle of its own is folded into the last one.
    const length = remaining - nominal < 30 ? remaining : nominal;
    let left = length;
    for (const [stage, minutes] of cycleParts(rng, index, Math.max(length, nominal), options)) {
      const take = Math.min(minutes, left);
      appendSegment(segments, stage, take);
      left -= take;
    }
    appendSegment(segments, "light", left);
    used += length;
  }
  appendSegment(segments, "awake", finalWake);
  return segments;
}

export interface SleepStageTotals {
  inBedMinutes: number;
  awakeMinutes: number;
  lightMinutes: number;
  deepMinutes: number;
  remMinutes: number;
  latencyMinutes: number;
  wakeupEvents: number;
}

export function stageTotals(segments: readonly SleepSegment[]): SleepStageTotals {
  const totals: SleepStageTotals = { inBedMinutes: 0, awakeMinutes: 0, lightMinutes: 0, deepMinutes: 0, remMinutes: 0, latencyMinutes: 0, wakeupEvents: 0 };
  segments.forEach((segment, index) => {
    totals.inBedMinutes += segment.minutes;
    if (segment.stage === "awake") {
      totals.awakeMinutes += segment.minutes;
      if (index === 0) totals.latencyMinutes = segment.minutes;
      else if (index < segments.length - 1) totals.wakeupEvents += 1;
    } else if (segment.stage === "light") totals.lightMinutes += segment.minutes;
    else if (segment.stage === "deep") totals.deepMinutes += segment.minutes;
    else totals.remMinutes += segment.minutes;
  });
  return totals;
}

export function stageAtMinute(segments: readonly SleepSegment[], minute: number): DemoSleepStage {
  for (const segment of segments) {
    if (minute < segment.startMinute + segment.minutes) return segment.stage;
  }
  return segments.at(-1)?.stage ?? "awake";
}

/** A provisional scoring as a ring might first upload it: part of the deep sleep still counted as light. */
export function provisionalScoring(segments: readonly SleepSegment[], rng: Rng): SleepSegment[] {
  const out: SleepSegment[] = [];
  for (const segment of segments) {
    const stage = segment.stage === "deep" && rng.chance(0.5) ? "light" : segment.stage;
    appendSegment(out, stage, segment.minutes);
  }
  return out;
}
