import { describe, expect, it } from "vitest";
import { addDays } from "@/server/health/local-date";
import { findCorrelations } from "./correlations/correlate";
import { buildSeries } from "./correlations/series";
import { forecastFrom } from "./forecast/forecast";
import { FORECAST_BOUNDS, forecastSeries } from "./forecast/series";
import { BACKFILL_DAYS } from "./forecast/stage";
import { syntheticHistory } from "./testing/synthetic-history";
import { FORECAST_METRICS } from "./types";

describe("the statistics of one user's year", () => {
  it("cost well under a second of CPU, cold, with the forecast's first-run backfill", () => {
    const today = "2026-05-31";
    const history = syntheticHistory({ seed: "budget", from: addDays(today, -364), days: 365 });
    const start = process.cpuUsage();
    const correlations = findCorrelations(buildSeries({ ...history, from: addDays(today, -364), to: today }));
    const series = forecastSeries(history.days, history.scores);
    let forecasts = 0;
    for (let i = -BACKFILL_DAYS; i <= 0; i++) for (const m of FORECAST_METRICS) forecasts += forecastFrom(series[m], addDays(today, i), FORECAST_BOUNDS[m])?.points.length ?? 0;
    const used = process.cpuUsage(start);
    expect(correlations.length).toBeGreaterThan(150);
    expect(forecasts).toBe(31 * 4 * 7);
    // Measured about 0.2 s on a shared 2-core machine (0.1 s correlations, 0.1 s forecasts).
    expect((used.user + used.system) / 1000).toBeLessThan(700);
  });
});
