import type { Metric } from "../types";

/**
 * The stored code of each metric (series_chunks.metric). Fixed forever: a new metric gets the next
 * free number, an existing one is never renumbered or reused.
 */
export const METRIC_CODES = {
  heart_rate: 1,
  resting_heart_rate: 2,
  lowest_heart_rate: 3,
  hrv_rmssd: 4,
  hrv_sdnn: 5,
  steps: 6,
  distance: 7,
  floors: 8,
  active_energy: 9,
  total_energy: 10,
  basal_energy: 11,
  active_duration: 12,
  spo2: 13,
  respiratory_rate: 14,
  temperature_deviation: 15,
  skin_temperature: 16,
  body_temperature: 17,
  readiness: 18,
  recovery: 19,
  sleep_score: 20,
  activity_score: 21,
  strain: 22,
  weight: 23,
  body_fat: 24,
  bmi: 25,
  height: 26,
  energy_intake: 27,
  protein: 28,
  carbohydrates: 29,
  fat: 30,
  water: 31,
  vo2max: 32,
  stress: 33,
} as const satisfies Record<Metric, number>;

const METRIC_BY_CODE = new Map<number, Metric>(Object.entries(METRIC_CODES).map(([metric, code]) => [code, metric as Metric]));

export function metricOfCode(code: number): Metric {
  const metric = METRIC_BY_CODE.get(code);
  if (!metric) throw new Error(`series_chunks holds an unknown metric code ${code}`);
  return metric;
}

/** The instant of local midnight of `localDate` at a UTC offset: the base of that day's chunk. */
export function localMidnightMs(localDate: string, offsetMinutes: number): number {
  return Date.parse(`${localDate}T00:00:00Z`) - offsetMinutes * 60_000;
}

/** One stored reading: epoch milliseconds and its value as stored (float4). */
export interface Point {
  start: number;
  end: number;
  value: number;
}

const HOUR_MS = 3_600_000;
/** Below this many points a chunk keeps no hourly summaries: reading its points costs as little. */
export const HOURLY_MIN_POINTS = 48;

export interface HourlySummaries {
  hourCounts: number[];
  hourSums: number[];
  hourMins: number[];
  hourMaxs: number[];
}

type NullableHourly = { [K in keyof HourlySummaries]: number[] | null };

export interface PackedChunk extends NullableHourly {
  offsets: number[];
  durations: number[] | null;
  values: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
  lastValue: number;
  firstAt: Date;
  lastAt: Date;
}

/** Points ordered by start → the columns of one chunk, with the summaries the rollup reads. */
export function packChunk(baseMs: number, sorted: Point[]): PackedChunk {
  const n = sorted.length;
  const offsets = new Array<number>(n);
  const durations = new Array<number>(n);
  const values = new Array<number>(n);
  let instantaneous = true;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = sorted[i]!;
    const value = Math.fround(p.value);
    offsets[i] = p.start - baseMs;
    durations[i] = p.end - p.start;
    if (durations[i] !== 0) instantaneous = false;
    values[i] = value;
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return {
    ...(n >= HOURLY_MIN_POINTS ? hourly(offsets, values) : { hourCounts: null, hourSums: null, hourMins: null, hourMaxs: null }),
    offsets,
    durations: instantaneous ? null : durations,
    values,
    count: n,
    sum,
    min,
    max,
    lastValue: values[n - 1]!,
    firstAt: new Date(sorted[0]!.start),
    lastAt: new Date(sorted[n - 1]!.start),
  };
}

/** Count, sum, min and max per local hour (offsets count from local midnight; empty hours hold zeros). */
function hourly(offsets: number[], values: number[]): HourlySummaries {
  const out: HourlySummaries = { hourCounts: Array(24).fill(0), hourSums: Array(24).fill(0), hourMins: Array(24).fill(0), hourMaxs: Array(24).fill(0) };
  for (let i = 0; i < offsets.length; i++) {
    const h = Math.floor(offsets[i]! / HOUR_MS);
    const v = values[i]!;
    if (out.hourCounts[h] === 0) {
      out.hourMins[h] = v;
      out.hourMaxs[h] = v;
    } else {
      if (v < out.hourMins[h]!) out.hourMins[h] = v;
      if (v > out.hourMaxs[h]!) out.hourMaxs[h] = v;
    }
    out.hourCounts[h] = out.hourCounts[h]! + 1;
    out.hourSums[h] = out.hourSums[h]! + v;
  }
  return out;
}

/** The stored columns of a chunk → its points. */
export function unpackChunk(chunk: { baseAt: Date; offsets: number[]; durations: number[] | null; values: number[] }): Point[] {
  const base = chunk.baseAt.getTime();
  return chunk.offsets.map((offset, i) => {
    const start = base + offset;
    return { start, end: start + (chunk.durations?.[i] ?? 0), value: chunk.values[i]! };
  });
}

/** Identity of a point when imports are merged as a multiset: start, end and the float4 value. */
export function pointKey(p: Point): string {
  return `${p.start}|${p.end}|${Math.fround(p.value)}`;
}
