import { describe, expect, it } from "vitest";
import { deltaAgainst, formatDuration, formatMetricValue } from "./metric-format";

const metric = { system: "metric", energy: "kcal" } as const;
const imperial = { system: "imperial", energy: "kcal" } as const;

describe("dashboard metric formatting", () => {
  it("shows stored SI values in the user's units", () => {
    expect(formatMetricValue("distance", 8046.72, imperial)).toBe("5.00 mi");
    expect(formatMetricValue("distance", 8046.72, metric)).toBe("8.05 km");
    expect(formatMetricValue("active_energy", 4184, metric)).toBe("1,000 kcal");
    expect(formatMetricValue("active_energy", 4184, { system: "metric", energy: "kJ" })).toBe("4,184 kJ");
    expect(formatMetricValue("temperature_deviation", 0.5, imperial)).toBe("0.90 °F");
    expect(formatMetricValue("sleep_efficiency", 0.914, metric)).toBe("91 %");
    expect(formatMetricValue("sleep_asleep_seconds", 7 * 3600 + 5 * 60, metric)).toBe("7 h 05 min");
    expect(formatMetricValue("something_new", 2.345, metric)).toBe("2.3");
  });

  it("formats durations and baseline deltas", () => {
    expect(formatDuration(7 * 3600 + 5 * 60)).toBe("7 h 05 min");
    expect(formatDuration(40 * 60)).toBe("40 min");
    expect(deltaAgainst(55, 50)).toEqual({ text: "+10 % vs baseline", direction: "up" });
    expect(deltaAgainst(45, 50)).toEqual({ text: "−10 % vs baseline", direction: "down" });
    expect(deltaAgainst(50.2, 50)?.direction).toBe("flat");
    expect(deltaAgainst(50, null)).toBeNull();
  });
});
