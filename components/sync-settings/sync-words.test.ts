import { describe, expect, it } from "vitest";
import { formatHlc } from "@/server/sync/hlc";
import { displayRow, displayValue, madeAt, mutationWords, restoreWords } from "./sync-words";

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

  it("renders a whole row of a delete-or-change conflict, and what restoring it does", () => {
    expect(displayRow({ Mood: 8, Energy: null, Notes: "late", Tags: [] })).toBe("Mood: 8 · Notes: late");
    expect(displayRow(null)).toBe("Deleted");
    expect(restoreWords({ kind: "row", losingValue: null })).toBe("Delete it");
    expect(restoreWords({ kind: "row", losingValue: { Mood: 2 } })).toBe("Bring it back");
    expect(restoreWords({ kind: "field", losingValue: null })).toBe("Restore this value");
  });

  it("names a queued mutation and reads when it was made", () => {
    expect(mutationWords("journal.saveEntry")).toBe("Journal entry saved");
    expect(mutationWords("something.new")).toBe("something.new");
    expect(madeAt(formatHlc({ wall: Date.UTC(2026, 11, 2, 8, 0), counter: 3, node: "dev-1" }))).toEqual(new Date(Date.UTC(2026, 11, 2, 8, 0)));
  });
});
