import { describe, expect, it } from "vitest";
import { forecastPlot } from "./forecast-plot";

describe("forecast plot", () => {
  it("puts the past (truth and day-before forecast) before the days ahead, sleep in hours", () => {
    const plot = forecastPlot({
      metric: "sleep_asleep_seconds",
      madeOn: "2026-06-10",
      history: [
        { date: "2026-06-09", actual: 27000, predicted: 25200, low: 21600, high: 28800 },
        { date: "2026-06-10", actual: null, predicted: null, low: null, high: null },
      ],
      next: [{ date: "2026-06-11", horizon: 1, predicted: 26100, low: 22500, high: 29700 }],
      accuracy: null,
    });
    // 27000 s = 7.5 h; 25200 s = 7 h; 21600 s = 6 h; 28800 s = 8 h; 26100 s = 7.25 h → 7.3 (one decimal); 22500 s = 6.25 h → 6.3; 29700 s = 8.25 h → 8.3.
    expect(plot.points).toEqual([
      { date: "2026-06-09", actual: 7.5, predicted: 7, band: [6, 8] },
      { date: "2026-06-10", actual: null, predicted: null, band: null },
      { date: "2026-06-11", actual: null, predicted: 7.3, band: [6.3, 8.3] },
    ]);
    expect(plot.unit).toBe("h");
    expect(plot.tick(7.25)).toBe("7.3");
    expect(forecastPlot({ metric: "score", madeOn: null, history: [], next: [], accuracy: null }).domain).toEqual([0, 100]);
  });
});
