import { addDays, dateRange } from "../../local-date";

/*
 * Training load (pure): acute (mean daily load of the last 7 days) against chronic (the last 28
 * days), each ending on the day. The load is active energy, or steps for a user whose devices
 * report no active energy. A ratio near 1 is a steady load; well above it a sharp rise the body
 * has not adapted to; well below it a drop in training.
 */

export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
/** Days with a load needed for each mean: a rough week, half of the four weeks. */
export const ACUTE_MIN_DAYS = 4;
export const CHRONIC_MIN_DAYS = 14;

export type LoadMeasure = "active_energy" | "steps";
export type LoadZone = "low" | "balanced" | "high" | "very_high";

export interface LoadDay {
  date: string;
  /** The day's load (canonical units: kJ or steps); null when the day has none. */
  load: number | null;
  acute: number | null;
  chronic: number | null;
  ratio: number | null;
}

/** Acute:chronic bands commonly used in sport science (Gabbett 2016): 0.8–1.3 is the steady range. */
export function loadZone(ratio: number): LoadZone {
  if (ratio < 0.8) return "low";
  if (ratio <= 1.3) return "balanced";
  if (ratio <= 1.5) return "high";
  return "very_high";
}

export function loadMeasureOf(days: readonly { values: Record<string, number> }[]): LoadMeasure {
  return days.some((d) => typeof d.values.active_energy === "number") ? "active_energy" : "steps";
}

/** `history`: daily values from 27 days before `from` to `to`. One entry per day of [from, to] that has a load or a mean. */
export function trainingLoad(history: readonly { date: string; values: Record<string, number> }[], from: string, to: string): { measure: LoadMeasure; days: LoadDay[] } {
  const measure = loadMeasureOf(history);
  const loadBy = new Map<string, number>();
  for (const d of history) {
    const v = d.values[measure];
    if (typeof v === "number" && Number.isFinite(v)) loadBy.set(d.date, v);
  }
  const all = dateRange(addDays(from, -(CHRONIC_DAYS - 1)), to);
  const loads = all.map((date) => loadBy.get(date) ?? null);
  const meanOf = (end: number, length: number, min: number) => {
    const window = loads.slice(Math.max(0, end - length + 1), end + 1).filter((v): v is number => v !== null);
    return window.length >= min ? window.reduce((a, b) => a + b, 0) / window.length : null;
  };
  const days: LoadDay[] = [];
  all.forEach((date, i) => {
    if (date < from) return;
    const acute = meanOf(i, ACUTE_DAYS, ACUTE_MIN_DAYS);
    const chronic = meanOf(i, CHRONIC_DAYS, CHRONIC_MIN_DAYS);
    if (loads[i] === null && acute === null && chronic === null) return;
    days.push({ date, load: loads[i]!, acute, chronic, ratio: acute !== null && chronic ? Math.round((acute / chronic) * 100) / 100 : null });
  });
  return { measure, days };
}

