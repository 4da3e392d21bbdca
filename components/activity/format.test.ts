import { describe, expect, it } from "vitest";
import { activityLabel } from "./format";

describe("activity wording", () => {
  it("names workouts readably", () => {
    expect(activityLabel("running")).toBe("Running");
    expect(activityLabel("strength_training")).toBe("Strength training");
    expect(activityLabel("HKWorkoutActivityTypeCycling".replace("HKWorkoutActivityType", ""))).toBe("Cycling");
    expect(activityLabel("Interval run")).toBe("Interval run");
    expect(activityLabel("8")).toBe("Workout");
  });
});
