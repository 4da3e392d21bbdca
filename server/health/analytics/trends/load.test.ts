import { describe, expect, it } from "vitest";
import { dateRange } from "../../local-date";
import { loadZone, trainingLoad } from "./load";

describe("training load", () => {
  it("acute 7-day mean against the chronic 28-day mean", () => {
    // 21 days at 1,000 kJ, then 7 days at 2,000 kJ, ending 2026-06-28.
    const dates = dateRange("2026-06-01", "2026-06-28");
    const history = dates.map((date, i) => ({ date, values: { active_energy: i < 21 ? 1000 : 2000, steps: 1 } }));
    const { measure, days } = trainingLoad(history, "2026-06-27", "2026-06-28");
    expect(measure).toBe("active_energy");
    // 06-28: acute = 2,000; chronic = (21 × 1,000 + 7 × 2,000) / 28 = 35,000 / 28 = 1,250; ratio 1.6.
    expect(days[1]).toEqual({ date: "2026-06-28", load: 2000, acute: 2000, chronic: 1250, ratio: 1.6 });
    // 06-27: acute (1 × 1,000 + 6 × 2,000) / 7 = 1,857.14; chronic over the 27 days there are:
    // (21 × 1,000 + 6 × 2,000) / 27 = 33,000 / 27 = 1,222.2; ratio 1.857 / 1.222 = 1.52.
    expect(days[0]!.acute).toBeCloseTo(1857.14, 2);
    expect(days[0]!.chronic).toBeCloseTo(1222.22, 2);
    expect(days[0]!.ratio).toBe(1.52);
    expect(loadZone(1.6)).toBe("very_high");
    expect(loadZone(1.52)).toBe("very_high");
    expect(loadZone(1.0)).toBe("balanced");
    expect(loadZone(0.7)).toBe("low");
  });

  it("falls back to steps, and needs enough days for each mean", () => {
    const history = dateRange("2026-06-01", "2026-06-10").map((date) => ({ date, values: { steps: 5000 } }));
    const { measure, days } = trainingLoad(history, "2026-06-03", "2026-06-10");
    expect(measure).toBe("steps");
    // 06-03 has 3 days of load (< 4): no acute yet; 06-04 has 4. Ten days are never enough for the chronic mean (14).
    expect(days[0]).toEqual({ date: "2026-06-03", load: 5000, acute: null, chronic: null, ratio: null });
    expect(days[1]).toMatchObject({ acute: 5000, chronic: null, ratio: null });
    // A range with nothing in it has no days at all.
    expect(trainingLoad(history, "2026-09-01", "2026-09-30").days).toEqual([]);
  });
});
