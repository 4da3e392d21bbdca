import { addDays } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import type { Contributor } from "../types";

/*
 * Activity load as the energy score judges it: the mean daily active energy (else steps) of the
 * last 7 days (acute) against the last 28 (chronic); 0.8–1.3 is balanced. Read from the score's
 * activity_balance contributor when it has one, otherwise computed here the same way.
 */

export const BALANCED_LOAD = { low: 0.8, high: 1.3 } as const;
const MIN_ACUTE_DAYS = 4;
const MIN_CHRONIC_DAYS = 14;
const LOAD_METRICS = ["active_energy", "steps"] as const;

export interface Load {
  metric: (typeof LOAD_METRICS)[number];
  /** Mean per day over 7 days, and over 28 days (canonical units: kJ or steps). */
  acute: number;
  chronic: number;
  ratio: number;
}

export function loadOf(days: readonly DayValues[], date: string, contributor?: Contributor): Load | null {
  if (contributor?.value != null && contributor.baseline && contributor.baseline.mean > 0 && (contributor.measure === "active_energy" || contributor.measure === "steps")) {
    return { metric: contributor.measure, acute: contributor.value, chronic: contributor.baseline.mean, ratio: contributor.value / contributor.baseline.mean };
  }
  const byDate = new Map(days.map((d) => [d.date, d.values]));
  for (const metric of LOAD_METRICS) {
    const window = (n: number) => {
      const values: number[] = [];
      for (let i = 0; i < n; i++) {
        const v = byDate.get(addDays(date, -i))?.[metric];
        if (typeof v === "number" && Number.isFinite(v)) values.push(v);
      }
      return values;
    };
    const chronic = window(28);
    if (chronic.length < MIN_CHRONIC_DAYS) continue;
    const acute = window(7);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    if (acute.length < MIN_ACUTE_DAYS || !(mean(chronic) > 0)) return null;
    return { metric, acute: mean(acute), chronic: mean(chronic), ratio: mean(acute) / mean(chronic) };
  }
  return null;
}
