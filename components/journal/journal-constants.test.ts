import { describe, expect, it } from "vitest";
import { dateFrom, moodTone, shiftDate, viewFrom } from "./journal-constants";

describe("journal page helpers", () => {
  it("takes only real calendar dates and known views from the address", () => {
    expect(dateFrom("2026-03-02")).toBe("2026-03-02");
    expect(dateFrom("2026-02-30")).toBeNull();
    expect(dateFrom("2026-3-2")).toBeNull();
    expect(dateFrom(["2026-03-02"])).toBeNull();
    expect(dateFrom(undefined)).toBeNull();
    expect(viewFrom("calendar")).toBe("calendar");
    expect(viewFrom("tags")).toBe("tags");
    expect(viewFrom("admin")).toBe("entry");
  });

  it("moves across months and years, and bands a mood", () => {
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2026-12-31", 1)).toBe("2027-01-01");
    expect([null, 1, 3, 4, 6, 7, 10].map(moodTone)).toEqual(["none", "low", "low", "mid", "mid", "good", "good"]);
  });
});
