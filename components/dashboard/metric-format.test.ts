import { describe, expect, it } from "vitest";
import { DASHBOARD_TILES, deltaAgainst, formatDuration } from "./metric-format";

const tile = (key: string) => DASHBOARD_TILES.find((t) => t.key === key)!;

describe("dashboard metric formatting", () => {
  it("shows stored SI values in the user's units", () => {
    expect(tile("distance").format(8046.72, "imperial")).toBe("5.0 mi");
    expect(tile("distance").format(8046.72, "metric")).toBe("8.0 km");
    expect(tile("active_energy").format(4184, "metric")).toBe("1,000 kcal");
    expect(tile("temperature_deviation").format(0.5, "imperial")).toBe("0.9 °F");
    expect(tile("sleep_efficiency").format(0.914, "metric")).toBe("91 %");
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
