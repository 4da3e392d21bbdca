import { describe, expect, it } from "vitest";
import { formatHlc } from "@/server/sync/hlc";
import { displayValue, madeAt, mutationWords } from "./sync-words";

describe("sync words", () => {
  it("renders values readably", () => {
    expect(displayValue(true)).toBe("On");
    expect(displayValue(false)).toBe("Off");
    expect(displayValue(null)).toBe("—");
    expect(displayValue(undefined)).toBe("—");
    expect(displayValue(["stress", "travel"])).toBe("stress, travel");
    expect(displayValue([])).toBe("—");
    expect(displayValue({ start: "22:00", end: "07:00" })).toBe("22:00–07:00");
    expect(displayValue(7)).toBe("7");
    expect(displayValue("08:30")).toBe("08:30");
  });

  it("names a queued mutation and reads when it was made", () => {
    expect(mutationWords("journal.saveEntry")).toBe("Journal entry saved");
    expect(mutationWords("something.new")).toBe("something.new");
    expect(madeAt(formatHlc({ wall: Date.UTC(2026, 11, 2, 8, 0), counter: 3, node: "dev-1" }))).toEqual(new Date(Date.UTC(2026, 11, 2, 8, 0)));
  });
});
