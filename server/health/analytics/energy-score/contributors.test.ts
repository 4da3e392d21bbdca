import { describe, expect, it } from "vitest";
import { WEARABLE_CONTRIBUTOR_KEYS } from "../testing/wearable-keys";
import {
  activityBalanceReading,
  hrvReading,
  readingsOf,
  respiratoryRateReading,
  restingHeartRateReading,
  sleepDurationReading,
  sleepEfficiencyReading,
  sleepRegularityReading,
  temperatureReading,
} from "./contributors";
import type { DayInputs } from "./day-inputs";

const inputs = (over: Partial<DayInputs>): DayInputs => ({
  date: "2026-03-01",
  values: {},
  sleepNeedSeconds: 8 * 3600,
  normals: {},
  baselineDays: {},
  hrvWeek: {},
  load: {},
  midpoints: null,
  ...over,
});
const stats = (n: number, mean: number, sd: number | null = null) => ({ n, mean, sd });

describe("HRV", () => {
  it("compares the 7-day mean of ln rMSSD with the ln normal (±0.5 SD band)", () => {
    // 7-day ln mean = ln 50 − 0.26, normal ln 50 ± 0.2 → (−0.26) / 0.2 = −1.3 SD; value e^(ln 50 − 0.26) = 50 · e^−0.26 = 38.55 ms.
    const r = hrvReading(inputs({ values: { hrv_rmssd: 36 }, hrvWeek: { hrv_rmssd: Math.log(50) - 0.26 }, normals: { hrv_rmssd: { mean: Math.log(50), sd: 0.2, days: 60 } } }));
    expect(r.measure).toBe("hrv_rmssd");
    expect(r.z).toBeCloseTo(-1.3, 10);
    expect(r.value).toBe(38.55);
    expect(r.baseline).toEqual({ mean: 50, sd: 10, low: 45.24, high: 55.26, days: 60 });
    expect(r.finding).toBe("HRV 1.3 SD below your normal range");
    // 0.4 SD above: inside the ±0.5 SD band.
    const inside = hrvReading(inputs({ values: { hrv_rmssd: 55 }, hrvWeek: { hrv_rmssd: Math.log(50) + 0.08 }, normals: { hrv_rmssd: { mean: Math.log(50), sd: 0.2, days: 60 } } }));
    expect(inside.z).toBeCloseTo(0.4, 10);
    expect(inside.finding).toBe("HRV within your normal range");
  });

  it("uses SDNN against the SDNN normal on a day with only SDNN, never the rMSSD one", () => {
    const day = inputs({
      values: { hrv_sdnn: 40 },
      hrvWeek: { hrv_sdnn: Math.log(40) },
      normals: { hrv_rmssd: { mean: Math.log(70), sd: 0.2, days: 60 } },
      baselineDays: { hrv_rmssd: 60, hrv_sdnn: 9 },
    });
    const r = hrvReading(day);
    expect(r).toMatchObject({ measure: "hrv_sdnn", value: 40, z: null, baseline: null, finding: "HRV (SDNN): building your baseline (9 of 14 days)" });
    const judged = hrvReading({ ...day, normals: { ...day.normals, hrv_sdnn: { mean: Math.log(40), sd: 0.25, days: 20 } } });
    expect(judged).toMatchObject({ measure: "hrv_sdnn", z: 0, baselineDays: 20, finding: "HRV (SDNN) within your normal range" });
  });

  it("is missing on a day without HRV", () => {
    expect(hrvReading(inputs({ normals: { hrv_rmssd: { mean: 4, sd: 0.2, days: 60 } } }))).toMatchObject({ z: null, value: null, finding: "No HRV reading today" });
  });
});

describe("single-day measures", () => {
  it("resting HR: lower is better", () => {
    // (60 − 55) / 2 = +2.5 SD above → z −2.5.
    const r = restingHeartRateReading(inputs({ values: { resting_heart_rate: 60 }, normals: { resting_heart_rate: { mean: 55, sd: 2, days: 60 } } }));
    expect(r).toMatchObject({ z: -2.5, deviation: 2.5, finding: "Resting heart rate 2.5 SD above your normal range" });
    expect(r.baseline).toEqual({ mean: 55, sd: 2, low: 53, high: 57, days: 60 });
  });

  it("sleep duration: against the need in SD of the user's nights, a surplus earns at most +1", () => {
    const normals = { sleep_asleep_seconds: { mean: 26000, sd: 3000, days: 40 } };
    // 6 h 50 min = 24,600 s; (24,600 − 28,800) / 3000 = −1.4.
    const short = sleepDurationReading(inputs({ values: { sleep_asleep_seconds: 24600 }, normals }));
    expect(short.z).toBeCloseTo(-1.4, 10);
    expect(short.finding).toBe("Sleep 1 h 10 min short of your 8 h need");
    // 33,000 s: (33,000 − 28,800) / 3000 = +1.4, capped at +1.
    const long = sleepDurationReading(inputs({ values: { sleep_asleep_seconds: 33000 }, normals }));
    expect(long).toMatchObject({ z: 1, finding: "Sleep met your 8 h need" });
    // A personal need of 7 h 30 min: 27,000 s met exactly → z 0.
    expect(sleepDurationReading(inputs({ values: { sleep_asleep_seconds: 27000 }, normals, sleepNeedSeconds: 27000 })).z).toBe(0);
  });

  it("sleep efficiency: higher is better", () => {
    // (0.85 − 0.9) / 0.025 = −2.
    const r = sleepEfficiencyReading(inputs({ values: { sleep_efficiency: 0.85 }, normals: { sleep_efficiency: { mean: 0.9, sd: 0.025, days: 60 } } }));
    expect(r.z).toBeCloseTo(-2, 10);
    expect(r.finding).toBe("Sleep efficiency 2.0 SD below your normal range");
  });

  it("temperature and breathing: any clear deviation costs (z = 1 − |deviation|)", () => {
    // (0.6 − 0) / 0.2 = 3 SD above → z = 1 − 3 = −2.
    const fever = temperatureReading(inputs({ values: { temperature_deviation: 0.6 }, normals: { temperature_deviation: { mean: 0, sd: 0.2, days: 30 } } }));
    expect(fever.deviation).toBeCloseTo(3, 10);
    expect(fever.z).toBeCloseTo(-2, 10);
    expect(fever.finding).toBe("Temperature +0.6 °C, 3.0 SD above your normal range");
    // −0.1 / 0.2 = −0.5 SD → z = 0.5, inside the band.
    const normal = temperatureReading(inputs({ values: { temperature_deviation: -0.1 }, normals: { temperature_deviation: { mean: 0, sd: 0.2, days: 30 } } }));
    expect(normal).toMatchObject({ z: 0.5, finding: "Temperature −0.1 °C, within your normal range" });
    // (13 − 15) / 0.5 = −4 SD below → z = 1 − 4 = −3: low breathing costs as well as high.
    const low = respiratoryRateReading(inputs({ values: { respiratory_rate: 13 }, normals: { respiratory_rate: { mean: 15, sd: 0.5, days: 60 } } }));
    expect(low).toMatchObject({ z: -3, finding: "Breathing rate 4.0 SD below your normal range" });
  });
});

describe("sleep regularity", () => {
  it("scores the SD of the sleep midpoint over 14 nights against a fixed scale", () => {
    // SD 30 min = 1800 s: (2700 − 1800) / 1350 = +0.667.
    const r = sleepRegularityReading(inputs({ midpoints: { nights: 14, sd: 1800 } }));
    expect(r.z).toBeCloseTo(2 / 3, 10);
    expect(r).toMatchObject({ value: 1800, baseline: null, finding: "Sleep midpoint varied ±30 min over 14 nights" });
    // SD 90 min: (2700 − 5400) / 1350 = −2.
    expect(sleepRegularityReading(inputs({ midpoints: { nights: 10, sd: 5400 } })).z).toBe(-2);
    expect(sleepRegularityReading(inputs({ midpoints: { nights: 5, sd: 600 } }))).toMatchObject({ z: null, finding: "Sleep timing: building your baseline (5 of 7 nights)" });
    expect(sleepRegularityReading(inputs({ midpoints: null })).z).toBeNull();
  });
});

describe("activity balance", () => {
  const load = (acute: number, metric: "active_energy" | "steps" = "active_energy") => ({ [metric]: { acute: stats(7, acute), chronic: stats(28, 2000, 500) } });

  it("is best at a 7-day to 28-day ratio of 0.8–1.3; a spike and a slump both cost", () => {
    // 2100 / 2000 = 1.05: balanced → z = +1.
    expect(activityBalanceReading(inputs({ load: load(2100) }))).toMatchObject({ z: 1, measure: "active_energy", finding: "Activity in balance with your 28-day load" });
    // 3000 / 2000 = 1.5: 0.2 past 1.3 → z = 1 − 0.2 / 0.1 = −1.
    const spike = activityBalanceReading(inputs({ load: load(3000) }));
    expect(spike.z).toBeCloseTo(-1, 10);
    expect(spike.finding).toBe("Activity over the last 7 days 50% above your 28-day load");
    expect(spike.baseline).toEqual({ mean: 2000, sd: 500, low: 1600, high: 2600, days: 28 });
    // 1300 / 2000 = 0.65: 0.15 under 0.8 → z = 1 − 1.5 = −0.5.
    const slump = activityBalanceReading(inputs({ load: load(1300) }));
    expect(slump.z).toBeCloseTo(-0.5, 10);
    expect(slump.finding).toBe("Activity over the last 7 days 35% below your 28-day load");
  });

  it("uses steps when active energy has too few days, and needs 14 chronic and 4 acute days", () => {
    const mixed = { active_energy: { acute: stats(7, 5000), chronic: stats(10, 2000) }, steps: { acute: stats(7, 8000), chronic: stats(20, 8000, 2000) } };
    expect(activityBalanceReading(inputs({ load: mixed }))).toMatchObject({ measure: "steps", z: 1 });
    expect(activityBalanceReading(inputs({ load: { steps: { acute: stats(7, 8000), chronic: stats(13, 8000) } } })).finding).toBe(
      "Activity balance: building your baseline (13 of 14 days)",
    );
    expect(activityBalanceReading(inputs({ load: { steps: { acute: stats(3, 8000), chronic: stats(20, 8000) } } })).z).toBeNull();
  });
});

describe("journal", () => {
  it("scores mood and energy when given: the 1–10 scale's middle (5.5 ± 2.25) until 14 entries, then the user's own normal", () => {
    const [mood, energy] = readingsOf(inputs({ values: { journal_mood: 10, journal_energy: 3 } })).slice(-2);
    // (10 − 5.5) / 2.25 = +2 (the most a contributor counts); (3 − 5.5) / 2.25 = −1.11.
    expect(mood).toMatchObject({ key: "journal_mood", z: 2, baselineDays: null, baseline: { mean: 5.5, sd: 2.25, low: 3.25, high: 7.75 }, finding: "You rated your mood 10 of 10" });
    expect(energy).toMatchObject({ key: "journal_energy", finding: "You rated your energy 3 of 10" });
    expect(energy!.z).toBeCloseTo(-1.111, 3);
    // The middle of the scale is neutral, 1 is as bad as it counts.
    expect(readingsOf(inputs({ values: { journal_mood: 5.5 } })).at(-1)!.z).toBe(0);
    expect(readingsOf(inputs({ values: { journal_mood: 1 } })).at(-1)!.z).toBe(-2);
    // Own normal 3.5 ± 0.5 over 20 entries: (5 − 3.5) / 0.5 = +3.
    const own = readingsOf(inputs({ values: { journal_mood: 5 }, normals: { journal_mood: { mean: 3.5, sd: 0.5, days: 20 } } })).at(-1)!;
    expect(own).toMatchObject({ z: 3, baselineDays: 20, finding: "Mood 3.0 SD above your normal range" });
    // No entry: the journal is not listed at all (it is an optional input, not missing data).
    expect(readingsOf(inputs({ values: { journal_energy: 3 } })).map((r) => r.key)).not.toContain("journal_mood");
    expect(readingsOf(inputs({})).map((r) => r.key)).toEqual(WEARABLE_CONTRIBUTOR_KEYS);
  });
});
