import { describe, expect, it } from "vitest";
import { addDays } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import type { Baseline } from "../types";
import { activeRisks, consecutiveRuns, evaluateRisks } from "./evaluate";
import type { RiskNormalMetric } from "./normals";

/*
 * The rules against fixed normals (as the energy score stage stores them), so every z is worked out
 * by hand: resting HR normal 52 ± 2 bpm → z = (v − 52) / 2; HRV geometric mean 50 ms with ln SD 0.2
 * (stored sd 10 = 50 · 0.2) → z = ln(v / 50) / 0.2; temperature normal 0 ± 0.3 °C → z = v / 0.3.
 */
const TODAY = "2026-03-31";
const FROM = addDays(TODAY, -29);
const NORMALS: Partial<Record<RiskNormalMetric, Baseline>> = {
  resting_heart_rate: { mean: 52, sd: 2, low: 50, high: 54, days: 60 },
  hrv_rmssd: { mean: 50, sd: 10, low: 45.24, high: 55.26, days: 60 },
  temperature_deviation: { mean: 0, sd: 0.3, low: -0.3, high: 0.3, days: 60 },
};
const stored = (_date: string, metric: RiskNormalMetric) => NORMALS[metric];

/** Days ending on `last` (default today), one value of `key` each; null leaves the day out. */
function run(key: string, values: (number | null)[], last = TODAY): DayValues[] {
  return values.flatMap((v, i) => (v === null ? [] : [{ date: addDays(last, i - values.length + 1), values: { [key]: v } }]));
}
const evaluate = (days: DayValues[], baselines = stored) => evaluateRisks(days, { from: FROM, to: TODAY, storedBaseline: baselines });
const kinds = (days: DayValues[]) => evaluate(days).map((r) => [r.kind, r.localDate, r.severity]);

describe("resting_hr_elevated: z ≥ 2 on 2 days running", () => {
  it("is raised at z = 2 (56 bpm), not just below it (55.9 bpm: z = 1.95)", () => {
    expect(kinds(run("resting_heart_rate", [56, 56]))).toEqual([["resting_hr_elevated", TODAY, "low"]]);
    expect(kinds(run("resting_heart_rate", [55.9, 56]))).toEqual([]);
    expect(kinds(run("resting_heart_rate", [57, 58]))).toEqual([["resting_hr_elevated", TODAY, "moderate"]]);
  });

  it("needs 2 days running: 1 day, or 2 days with a gap or a normal day between, raise nothing", () => {
    expect(kinds(run("resting_heart_rate", [60]))).toEqual([]);
    expect(kinds(run("resting_heart_rate", [60, null, 60]))).toEqual([]);
    expect(kinds(run("resting_heart_rate", [60, 52, 60]))).toEqual([]);
  });

  it("grows in severity with size (mean z 2.5 / 3.5) and length (3 / 5 days)", () => {
    // 2 days at 56.9 bpm: z = 2.45 → low; at 57: z = 2.5 → moderate; 59: z = 3.5 → high.
    expect(evaluate(run("resting_heart_rate", [56.9, 56.9]))[0]!.severity).toBe("low");
    expect(evaluate(run("resting_heart_rate", [57, 57]))[0]!.severity).toBe("moderate");
    expect(evaluate(run("resting_heart_rate", [59, 59]))[0]!.severity).toBe("high");
    // z = 2 throughout: 3 days → moderate, 5 days → high.
    expect(evaluate(run("resting_heart_rate", [56, 56, 56]))[0]!.severity).toBe("moderate");
    expect(evaluate(run("resting_heart_rate", [56, 56, 56, 56, 56]))[0]!.severity).toBe("high");
    // Size and length add: 3 days at z 2.5 → 1 + 1 → high.
    expect(evaluate(run("resting_heart_rate", [57, 57, 57]))[0]!.severity).toBe("high");
  });

  it("keeps the rule and the days that raised it, with value, normal and z", () => {
    const [flag] = evaluate(run("resting_heart_rate", [50, 57, 58]));
    expect(flag).toEqual({
      kind: "resting_hr_elevated",
      localDate: TODAY,
      severity: "moderate",
      title: "Resting heart rate elevated",
      // Mean z of the run = (2.5 + 3) / 2 = 2.75.
      detail: "Resting heart rate 58 bpm against your normal 52 bpm (+2.8 SD on average) on 2 days running, to 31 Mar. It often rises with strain, short sleep, alcohol or an infection starting.",
      evidence: {
        rule: "resting HR ≥ 2 SD above your normal on 2 days running",
        days: [
          { date: "2026-03-30", value: 57, baselineMean: 52, z: 2.5 },
          { date: TODAY, value: 58, baselineMean: 52, z: 3 },
        ],
      },
    });
  });

  it("raises nothing without a normal (fewer than 14 days of history)", () => {
    expect(evaluate(run("resting_heart_rate", [70, 70]), () => undefined)).toEqual([]);
  });
});

describe("hrv_suppressed: daily ln rMSSD z ≤ −1 on 3 days running", () => {
  const atThreshold = 50 * Math.exp(-0.2); // ln(v / 50) / 0.2 = −1 → v ≈ 40.94 ms

  it("is raised at z = −1, not just above it (41 ms: z = ln 0.82 / 0.2 = −0.99)", () => {
    expect(kinds(run("hrv_rmssd", [atThreshold, atThreshold, atThreshold]))).toEqual([["hrv_suppressed", TODAY, "low"]]);
    expect(kinds(run("hrv_rmssd", [41, atThreshold, atThreshold]))).toEqual([]);
  });

  it("needs 3 days running, not 2", () => {
    expect(kinds(run("hrv_rmssd", [30, 30]))).toEqual([]);
    expect(kinds(run("hrv_rmssd", [30, 30, 50, 30, 30]))).toEqual([]);
  });

  it("grows with size (mean z −1.5 / −2.5) and length (5 / 7 days)", () => {
    // 37 ms: z = ln 0.74 / 0.2 = −1.51 → moderate; 28 ms: z = ln 0.56 / 0.2 = −2.90 → high.
    expect(evaluate(run("hrv_rmssd", [37, 37, 37]))[0]!.severity).toBe("moderate");
    expect(evaluate(run("hrv_rmssd", [28, 28, 28]))[0]!.severity).toBe("high");
    expect(evaluate(run("hrv_rmssd", Array(5).fill(40)))[0]!.severity).toBe("moderate");
    expect(evaluate(run("hrv_rmssd", Array(7).fill(40)))[0]!.severity).toBe("high");
  });

  it("states the value in ms and the normal as the geometric mean; never reads SDNN", () => {
    const [flag] = evaluate(run("hrv_rmssd", [40, 40, 40]));
    // z = ln(40 / 50) / 0.2 = −0.2231 / 0.2 = −1.12
    expect(flag!.evidence.days.map((d) => [d.value, d.baselineMean, d.z])).toEqual([
      [40, 50, -1.12],
      [40, 50, -1.12],
      [40, 50, -1.12],
    ]);
    expect(flag!.detail).toBe("HRV 40 ms against your normal 50 ms (−1.1 SD on average) on 3 days running, to 31 Mar. Your body is under more load than usual: recovery comes first.");
    expect(kinds(run("hrv_sdnn", [10, 10, 10]))).toEqual([]);
  });
});

describe("sleep_debt: ≥ 5 h moderate, ≥ 10 h high", () => {
  it("is raised from 5 h (18,000 s), not at 17,999 s; high from 10 h (36,000 s)", () => {
    expect(kinds(run("sleep_debt_seconds", [17_999]))).toEqual([]);
    expect(kinds(run("sleep_debt_seconds", [18_000]))).toEqual([["sleep_debt", TODAY, "moderate"]]);
    expect(kinds(run("sleep_debt_seconds", [35_999]))).toEqual([["sleep_debt", TODAY, "moderate"]]);
    expect(kinds(run("sleep_debt_seconds", [36_000]))).toEqual([["sleep_debt", TODAY, "high"]]);
  });

  it("keeps one flag per run of days, dated on its last day, high when any day was", () => {
    const [flag, ...rest] = evaluate(run("sleep_debt_seconds", [20_000, 37_000, 23_400]));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ localDate: TODAY, severity: "high", detail: "You slept 6 h 30 min less than you need over the 7 nights to 31 Mar (over 5 h since 29 Mar)." });
    expect(flag!.evidence.days).toEqual([
      { date: "2026-03-29", value: 20_000, baselineMean: null, z: null },
      { date: "2026-03-30", value: 37_000, baselineMean: null, z: null },
      { date: TODAY, value: 23_400, baselineMean: null, z: null },
    ]);
  });
});

describe("temperature_deviation: ≥ +0.5 °C or z ≥ 2", () => {
  it("is raised at +0.5 °C (z = 1.67 here), not at +0.49 °C", () => {
    expect(kinds(run("temperature_deviation", [0.49]))).toEqual([]);
    expect(kinds(run("temperature_deviation", [0.5]))).toEqual([["temperature_deviation", TODAY, "low"]]);
  });

  it("is raised by z ≥ 2 alone against a steady normal (0 ± 0.1 °C: +0.2 °C is z = 2; +0.19 is z = 1.9)", () => {
    const steady = () => ({ mean: 0, sd: 0.1, low: -0.1, high: 0.1, days: 60 });
    expect(evaluate(run("temperature_deviation", [0.2]), steady).map((r) => [r.severity, r.evidence.days[0]!.z])).toEqual([["low", 2]]);
    expect(evaluate(run("temperature_deviation", [0.19]), steady)).toEqual([]);
    // Without a normal only the absolute threshold applies.
    expect(evaluate(run("temperature_deviation", [0.45]), () => undefined)).toEqual([]);
    expect(evaluate(run("temperature_deviation", [0.5]), () => undefined)[0]!.evidence.days[0]).toEqual({ date: TODAY, value: 0.5, baselineMean: null, z: null });
  });

  it("grows with size: +0.8 °C (or z ≥ 3) moderate, +1.2 °C high", () => {
    expect(evaluate(run("temperature_deviation", [0.79]))[0]!.severity).toBe("low");
    expect(evaluate(run("temperature_deviation", [0.8]))[0]!.severity).toBe("moderate");
    expect(evaluate(run("temperature_deviation", [1.19]))[0]!.severity).toBe("moderate");
    expect(evaluate(run("temperature_deviation", [1.2]))[0]!.severity).toBe("high");
    // +0.3 °C against 0 ± 0.1: z = 3 → moderate.
    expect(evaluate(run("temperature_deviation", [0.3]), () => ({ mean: 0, sd: 0.1, low: 0, high: 0, days: 60 }))[0]!.severity).toBe("moderate");
    expect(evaluate(run("temperature_deviation", [0.9]))[0]!.detail).toBe("Temperature +0.9 °C from your usual (+3.0 SD against your normal) on 31 Mar. A rise like this can come before you feel ill.");
  });
});

describe("the window", () => {
  it("raises flags for runs ending in it only; a run begun before it counts its whole length", () => {
    // A 2-day run ending the day before the window: not raised.
    expect(kinds(run("resting_heart_rate", [60, 60], addDays(FROM, -1)))).toEqual([]);
    // A 5-day run of z = 2 whose first 3 days lie before the window: raised on its last day as 5 days (high).
    expect(kinds(run("resting_heart_rate", [56, 56, 56, 56, 56], addDays(FROM, 1)))).toEqual([["resting_hr_elevated", addDays(FROM, 1), "high"]]);
  });

  it("keeps separate runs apart", () => {
    const days = [...run("sleep_debt_seconds", [20_000, 20_000], "2026-03-10"), ...run("sleep_debt_seconds", [40_000])];
    expect(kinds(days)).toEqual([
      ["sleep_debt", "2026-03-10", "moderate"],
      ["sleep_debt", TODAY, "high"],
    ]);
  });

  it("computes normals from the history when none is stored", () => {
    // 30 days at 50 bpm, then 53 twice. First 53: normal 50, SD 0 floored to 1 → z = 3. Second: its
    // normal holds the first 53 too: mean 1553 / 31 = 50.097, SD √(8.7097 / 30) = 0.539 → floored to 1,
    // z = 53 − 50.097 = 2.90. Mean z 2.95 → moderate.
    const days = run("resting_heart_rate", [...Array(30).fill(50), 53, 53]);
    expect(evaluateRisks(days, { from: FROM, to: TODAY }).map((r) => [r.kind, r.severity, r.evidence.days.map((d) => [d.baselineMean, d.z])])).toEqual([
      ["resting_hr_elevated", "moderate", [[50, 3], [50.1, 2.9]]],
    ]);
  });
});

describe("consecutiveRuns and activeRisks", () => {
  it("splits hits on calendar gaps", () => {
    const hit = (date: string) => ({ date, value: 1, baselineMean: null, z: null });
    expect(consecutiveRuns([hit("2026-02-27"), hit("2026-02-28"), hit("2026-03-01"), hit("2026-03-03")]).map((r) => r.length)).toEqual([3, 1]);
  });

  it("counts a flag active when its run ended today or up to 2 days before", () => {
    const flag = (localDate: string) => ({ kind: "sleep_debt" as const, localDate, severity: "moderate" as const, title: "", detail: "", evidence: { rule: "", days: [] } });
    const flags = ["2026-03-28", "2026-03-29", "2026-03-31", "2026-04-01"].map(flag);
    expect(activeRisks(flags, TODAY).map((f) => f.localDate)).toEqual(["2026-03-29", "2026-03-31"]);
  });
});
