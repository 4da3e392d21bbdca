import { describe, expect, it } from "vitest";
import { deltaToDisplay, displayUnit, formatDuration, formatMetric, sumToDisplay, toDisplay, type UnitPrefs } from "./units";

const metric: UnitPrefs = { system: "metric", energy: "kcal" };
const imperial: UnitPrefs = { system: "imperial", energy: "kcal" };

describe("display units", () => {
  it("converts to imperial", () => {
    // 70 kg / 0.45359237 kg/lb = 154.3236 lb
    expect(toDisplay("weight", 70, imperial)).toBe(154.3236);
    // 5000 m / 1609.344 m/mi = 3.1069 mi; metric: 5 km
    expect(toDisplay("distance", 5000, imperial)).toBe(3.1069);
    expect(toDisplay("distance", 5000, metric)).toBe(5);
    // A deviation scales only: +0.5 °C of difference is +0.9 °F of difference.
    expect(toDisplay("temperature_deviation", 0.5, imperial)).toBe(0.9);
    expect(toDisplay("temperature_deviation", -0.2, imperial)).toBe(-0.36);
    // An absolute temperature shifts too: 36.6 °C × 1.8 + 32 = 97.88 °F
    expect(toDisplay("body_temperature", 36.6, imperial)).toBe(97.88);
    // 1.8 m / 0.0254 m/in = 70.8661 in
    expect(toDisplay("height", 1.8, imperial)).toBe(70.8661);
    // 2 L × 33.814022 fl oz/L = 67.628 fl oz
    expect(toDisplay("water", 2, imperial)).toBe(67.628);
    expect(displayUnit("weight", imperial).label).toBe("lb");
    expect(displayUnit("distance", imperial).label).toBe("mi");
    expect(displayUnit("temperature_deviation", imperial).label).toBe("°F");
  });

  it("shows energy in the chosen energy unit, durations in hours or minutes, ratios in percent", () => {
    // 2092 kJ / 4.184 kJ/kcal = 500 kcal
    expect(toDisplay("active_energy", 2092, metric)).toBe(500);
    expect(toDisplay("active_energy", 2092, { system: "metric", energy: "kJ" })).toBe(2092);
    // 27000 s / 3600 = 7.5 h; 1800 s of active time / 60 = 30 min
    expect(toDisplay("sleep_asleep_seconds", 27_000, imperial)).toBe(7.5);
    expect(toDisplay("active_duration", 1800, metric)).toBe(30);
    expect(toDisplay("sleep_efficiency", 0.914, metric)).toBe(91.4);
    expect(toDisplay("spo2", 0.97, metric)).toBe(97);
    expect(toDisplay("heart_rate", 61.5, imperial)).toBe(61.5);
  });

  it("converts sums with the offset once per value, and spreads without it", () => {
    // Two readings 36 °C and 37 °C: 96.8 °F + 98.6 °F = 195.4 °F = 73 × 1.8 + 2 × 32.
    expect(sumToDisplay("body_temperature", 73, 2, imperial)).toBe(195.4);
    // An SD of 0.5 °C is 0.9 °F wide, not 32.9 °F.
    expect(deltaToDisplay("body_temperature", 0.5, imperial)).toBe(0.9);
  });

  it("formats with the unit, a real minus sign and grouping", () => {
    expect(formatMetric("heart_rate", 61.6, metric)).toBe("62 bpm");
    expect(formatMetric("temperature_deviation", -0.2, imperial)).toBe("−0.36 °F");
    expect(formatMetric("temperature_deviation", 0.3, metric, { signed: true })).toBe("+0.30 °C");
    expect(formatMetric("steps", 12_345, metric)).toBe("12,345 steps");
    expect(formatMetric("score", 78, metric)).toBe("78");
    expect(formatDuration(7 * 3600 + 5 * 60)).toBe("7 h 05 min");
    expect(formatDuration(42 * 60)).toBe("42 min");
  });
});
