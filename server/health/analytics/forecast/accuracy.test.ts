import { describe, expect, it } from "vitest";
import { scoreForecasts, type StoredForecast } from "./accuracy";

describe("scoreForecasts", () => {
  it("scores the horizon-1 forecasts of the last 30 days against the truths", () => {
    const today = "2026-05-31";
    const f = (targetDate: string, predicted: number, low: number, high: number, horizon = 1): StoredForecast => ({ targetDate, horizon, predicted, low, high });
    const stored = [
      f("2026-05-02", 60, 55, 65), // truth 63: |error| 3, inside
      f("2026-05-10", 58, 54, 62), // truth 52: |error| 6, outside
      f("2026-05-20", 61, 57, 65), // truth 65: |error| 4, inside (on the edge)
      f("2026-05-31", 59, 56, 62), // truth 58: |error| 1, inside
      f("2026-05-01", 60, 55, 65), // 31 days ago: outside the window
      f("2026-05-25", 60, 55, 65, 2), // horizon 2: not in the figure
      f("2026-05-26", 60, 55, 65), // no truth that day
      f("2026-06-01", 60, 55, 65), // not yet happened
    ];
    const truths = new Map([
      ["2026-05-01", 10],
      ["2026-05-02", 63],
      ["2026-05-10", 52],
      ["2026-05-20", 65],
      ["2026-05-25", 90],
      ["2026-05-31", 58],
      ["2026-06-01", 60],
    ]);
    // MAE = (3 + 6 + 4 + 1) / 4 = 3.5; coverage = 3 of 4 = 0.75.
    expect(scoreForecasts(stored, truths, today)).toEqual({ n: 4, meanAbsoluteError: 3.5, coverage: 0.75 });
  });

  it("has no figures without a scored pair", () => {
    expect(scoreForecasts([], new Map(), "2026-05-31")).toEqual({ n: 0, meanAbsoluteError: null, coverage: null });
  });
});
