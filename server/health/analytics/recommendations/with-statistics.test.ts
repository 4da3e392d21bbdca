import { describe, expect, it } from "vitest";
import { addDays } from "@/server/health/local-date";
import { findCorrelations } from "../correlations/correlate";
import { buildSeries } from "../correlations/series";
import { activeRisks, evaluateRisks } from "../risks/evaluate";
import { syntheticHistory } from "../testing/synthetic-history";
import { evaluateRecommendations } from "./evaluate";
import { input } from "./testing/fixtures";

describe("risks and recommendations over a year with the real correlations", () => {
  it("act on the planted pattern (a night under 6 h lowers the next day's HRV), in a few milliseconds of CPU", () => {
    const today = "2026-05-31";
    const history = syntheticHistory({ seed: "guidance", from: addDays(today, -364), days: 365 });
    const correlations = findCorrelations(buildSeries({ ...history, from: addDays(today, -364), to: today }));
    const start = process.cpuUsage();
    const risks = evaluateRisks(history.days, { from: addDays(today, -29), to: today });
    const score = history.scores.at(-1)!;
    const made = evaluateRecommendations(input({ today, score, days: history.days, scores: history.scores, correlations, risks: activeRisks(risks, today) }));
    const used = process.cpuUsage(start);

    // A steady synthetic year raises no flag; its good last day with a balanced load is a day to train.
    expect(risks).toEqual([]);
    expect(made.map((r) => r.ruleId)).toEqual(["act_on_correlation", "training_day"]);
    const pattern = made.find((r) => r.ruleId === "act_on_correlation")!;
    expect(pattern.basis).toEqual([{ kind: "correlation", ref: "sleep_under_6h|hrv_rmssd|1" }]);
    expect(pattern.body).toMatch(/^On days after you slept under 6 h, your HRV was 1\d% lower; n = \d+; \w+\. Your own data says this is worth avoiding where you can\.$/);
    // HRV about 60 ms, 15% lower after a short night (measured 16%): avoiding them is worth about 0.16 · 60 ≈ +10 ms.
    expect(pattern.expectedImpact.metric).toBe("hrv_rmssd");
    expect(pattern.expectedImpact.delta).toBeGreaterThanOrEqual(6);
    expect(pattern.expectedImpact.delta).toBeLessThanOrEqual(12);
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});
