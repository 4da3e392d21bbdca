import { describe, expect, it } from "vitest";
import { addDays } from "../../local-date";
import { WEARABLE_CONTRIBUTOR_KEYS } from "../testing/wearable-keys";
import type { ScoreInputDay } from "./day-inputs";
import { scoreDays } from "./score-days";
import { DEFAULT_SCORE_WEIGHTS } from "./weights";

const START = "2026-03-01";
const opts = { sleepNeedSeconds: 8 * 3600, timeZone: "UTC", weights: { ...DEFAULT_SCORE_WEIGHTS } };
const history = (n: number, values: (i: number) => Record<string, number>): ScoreInputDay[] =>
  Array.from({ length: n }, (_, i) => ({ date: addDays(START, i), values: values(i) }));

describe("scoreDays", () => {
  it("calibrates for 14 days with the days left, then scores against the baseline; a day without core data is no_data", () => {
    // Resting HR 52, 54, 52, … on days 0–13, 56 on day 14; day 15 has only steps.
    const days = history(16, (i): Record<string, number> => (i === 15 ? { steps: 4000 } : { resting_heart_rate: i === 14 ? 56 : i % 2 ? 54 : 52 }));
    const scored = scoreDays(days, opts);
    expect(scored.slice(0, 14).map((d) => [d.state, d.calibrationDaysLeft])).toEqual(Array.from({ length: 14 }, (_, i) => ["calibrating", 14 - i]));
    expect(scored[0]).toMatchObject({ score: null, status: null, confidence: 0, contributors: [] });
    const day14 = scored[14]!;
    // Baseline over days 0–13: mean 53; sd = √(14 · 1² / 13) = 1.0377; band ±1 SD = 51.962–54.038.
    expect(day14.baselines.resting_heart_rate).toEqual({ mean: 53, sd: 1.038, low: 51.962, high: 54.038, days: 14 });
    expect(day14.metrics.resting_heart_rate).toEqual({ value: 56, baseline: day14.baselines.resting_heart_rate });
    // (56 − 53) / 1.0377 = 2.89 SD above → z −2.89, capped at −1 in the formula: 70 + 30 · 1 · (−1) = 40, low.
    const rhr = day14.contributors.find((c) => c.key === "resting_heart_rate")!;
    expect(rhr).toMatchObject({ z: -2.89, points: -30, weight: 1, explanation: "Resting heart rate 2.9 SD above your normal range: \u221230" });
    // Resting HR alone: coverage 15 / 93 = 0.161, baseline age 14 / 60 = 0.233 → 0.04.
    expect(day14).toMatchObject({ state: "scored", score: 40, status: "low", confidence: 0.04, calibrationDaysLeft: null, guard: null });
    expect(scored[15]).toMatchObject({ state: "no_data", score: null, calibrationDaysLeft: null });
  });

  it("takes HRV as the 7-day mean of ln rMSSD against the 60-day ln baseline", () => {
    // rMSSD 50 ms on days 0–19, 40 ms on days 20–26; day 26's week is all 40 → value 40 ms.
    const days = history(27, (i) => ({ hrv_rmssd: i < 20 ? 50 : 40 }));
    const hrv = scoreDays(days, opts)[26]!.contributors.find((c) => c.key === "hrv")!;
    // Baseline over days 0–25: 20 × ln 50 and 6 × ln 40 (ln 50 − ln 40 = 0.22314):
    //   mean = ln 50 − 6/26 · 0.22314 = 3.86053 → geometric mean e^3.86053 = 47.5 ms
    //   deviations +0.05149 (×20) and −0.17165 (×6): Σ² = 0.05303 + 0.17677 = 0.22980; sd = √(0.22980 / 25) = 0.09588
    //   z = (ln 40 − 3.86053) / 0.09588 = −0.17165 / 0.09588 = −1.79
    expect(hrv.value).toBe(40);
    expect(hrv.z).toBe(-1.79);
    expect(hrv.baseline!.mean).toBeCloseTo(47.5, 1);
    // HRV is the only contributor (share 1): 30 · clamp(−1.79 / 2) = −26.85 → "−27".
    expect(hrv.explanation).toBe("HRV 1.8 SD below your normal range: \u221227");
  });

  it("never mixes SDNN into the rMSSD baseline: an SDNN day is judged on SDNN days only", () => {
    // rMSSD 50 ms on days 0–19; from day 20 only SDNN (as from Apple Health), 28 and 32 ms in turn; resting HR 55 throughout.
    const days = history(41, (i) => ({ resting_heart_rate: 55, ...(i < 20 ? { hrv_rmssd: 50 } : { hrv_sdnn: i % 2 ? 32 : 28 }) }));
    const scored = scoreDays(days, opts);
    // Day 30: 10 SDNN days so far. The 20 rMSSD days do not count for it.
    expect(scored[30]!.contributors.find((c) => c.key === "hrv")).toMatchObject({
      measure: "hrv_sdnn",
      z: null,
      explanation: "HRV (SDNN): building your baseline (10 of 14 days)",
    });
    // Day 40: 20 SDNN days (28 and 32 alternating): geometric mean √(28 · 32) = 29.93 ms.
    const day40 = scored[40]!;
    expect(day40.contributors.find((c) => c.key === "hrv")).toMatchObject({ measure: "hrv_sdnn", baseline: { mean: 29.93, days: 20 } });
    expect(day40.baselines.hrv_sdnn).toMatchObject({ mean: 29.93, days: 20 });
    // The rMSSD baseline still rests on its own 20 days at 50 ms.
    expect(day40.baselines.hrv_rmssd).toMatchObject({ mean: 50, days: 20 });
    expect(day40.metrics.hrv_rmssd).toMatchObject({ value: null });
  });

  it("measures sleep timing in local clock time across a daylight-saving change", () => {
    // Europe/Berlin moves to summer time on 2026-03-29. Every night 23:00–07:00 local (the change night left out):
    // the local midpoint is 03:00 every night, so the SD is 0 (in UTC it would jump by an hour halfway).
    const berlin = (date: string, hour: number, summer: boolean) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00${summer ? "+02:00" : "+01:00"}`) / 1000;
    const days = history(36, (i): Record<string, number> => {
      const date = addDays(START, i);
      if (date === "2026-03-29") return { resting_heart_rate: 55 };
      const summer = date > "2026-03-29";
      return { resting_heart_rate: 55, sleep_start_epoch: berlin(addDays(date, -1), 23, summer), sleep_end_epoch: berlin(date, 7, summer) };
    });
    const last = scoreDays(days, { ...opts, timeZone: "Europe/Berlin" }).at(-1)!;
    // The 14 nights ending on 2026-04-05 minus the change night: 13. SD 0 → z = (2700 − 0) / 1350 = 2;
    // with resting HR (weight 15, at its normal: z 0) it carries 10 / 25: 30 · 0.4 · clamp(2 / 2) = +12.
    expect(last.contributors.find((c) => c.key === "sleep_regularity")).toMatchObject({ value: 0, z: 2, explanation: "Sleep midpoint varied ±0 min over 13 nights: +12" });
  });

  it("sorts its input and scores a year in well under a second", () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
    const year = history(366, (i) => ({
      hrv_rmssd: 45 * Math.exp(0.2 * noise()),
      resting_heart_rate: 55 + 2 * noise(),
      sleep_asleep_seconds: 27000 + 2400 * noise(),
      sleep_efficiency: 0.9 + 0.03 * noise(),
      sleep_start_epoch: Date.parse(`${addDays(START, i - 1)}T22:30:00Z`) / 1000 + 1200 * noise(),
      sleep_end_epoch: Date.parse(`${addDays(START, i)}T06:30:00Z`) / 1000 + 1200 * noise(),
      steps: 9000 + 3000 * noise(),
      active_energy: 2000 + 600 * noise(),
      temperature_deviation: 0.1 * noise(),
      respiratory_rate: 14.5 + 0.4 * noise(),
    }));
    const started = performance.now();
    const scored = scoreDays([...year].reverse(), { ...opts, timeZone: "America/New_York" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(scored.map((d) => d.date)).toEqual(year.map((d) => d.date));
    expect(scored.filter((d) => d.state === "scored")).toHaveLength(366 - 14);
    expect(scored.at(-1)!.contributors.filter((c) => c.z !== null).map((c) => c.key)).toEqual(WEARABLE_CONTRIBUTOR_KEYS);
    expect(scored.at(-1)!.confidence).toBe(1);
  });
});
