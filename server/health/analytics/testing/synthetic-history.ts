import { addDays } from "@/server/health/local-date";
import { Rng } from "@/server/health/demo/prng";
import type { DayValues } from "@/server/health/timeseries/rolling";
import type { ScoredDay } from "../stage";

/**
 * A seeded history of daily values with known structure, for the statistics tests: sleep varies
 * by weekday and night; a night under 6 h lowers the NEXT day's HRV by 15% (lag 1, nothing on
 * the same day); steps follow a weekly pattern; about 5% of days are missing. The score is a
 * plain function of HRV and sleep so it is scored every day with data.
 */
export function syntheticHistory(opts: { seed: string; from: string; days: number }): { days: DayValues[]; scores: ScoredDay[] } {
  const rng = new Rng(opts.seed);
  const days: DayValues[] = [];
  const scores: ScoredDay[] = [];
  let shortNightBefore = false;
  for (let i = 0; i < opts.days; i++) {
    const date = addDays(opts.from, i);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const sleep = Math.round((weekend ? 8 : 6.6) * 3600 + rng.normal(0, 2700));
    const hrv = Math.max(15, (shortNightBefore ? 0.85 : 1) * rng.normal(62, 5));
    shortNightBefore = sleep < 6 * 3600;
    if (rng.chance(0.05)) continue;
    const steps = Math.round(Math.max(500, (weekend ? 11_000 : 7_500) + rng.normal(0, 1500)));
    const values = {
      sleep_asleep_seconds: sleep,
      sleep_efficiency: Math.min(0.99, 0.88 + rng.normal(0, 0.03)),
      hrv_rmssd: Math.round(hrv * 10) / 10,
      resting_heart_rate: Math.round(rng.normal(56, 2)),
      steps,
      active_energy: Math.round(steps * 0.16 + rng.normal(0, 150)),
    };
    days.push({ date, values });
    const score = Math.round(Math.min(100, Math.max(0, 40 + (hrv - 62) * 1.5 + (sleep / 3600 - 7) * 6 + rng.normal(0, 3) + 30)));
    scores.push({ date, state: "scored", score, status: "good", confidence: 1, contributors: [], baselines: {} });
  }
  return { days, scores };
}
