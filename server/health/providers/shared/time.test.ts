import { describe, expect, it } from "vitest";
import { offsetOfIso, parseOffsetMinutes, parseTimestampHeader, wallTimeToInstant } from "./time";

describe("time helpers", () => {
  it("parses offsets in every written form", () => {
    expect(parseOffsetMinutes("+02:00")).toBe(120);
    expect(parseOffsetMinutes("-05:00")).toBe(-300);
    expect(parseOffsetMinutes("+0530")).toBe(330);
    expect(parseOffsetMinutes("Z")).toBe(0);
    expect(parseOffsetMinutes("+25:00")).toBeNull();
    expect(parseOffsetMinutes(undefined)).toBeNull();
    expect(offsetOfIso("2024-03-10T23:40:00.000000-07:00")).toBe(-420);
    expect(offsetOfIso("2024-03-10T23:40:00")).toBeNull();
  });

  it("reads timestamp headers in seconds, milliseconds and ISO form", () => {
    expect(parseTimestampHeader("1710057600")?.toISOString()).toBe("2024-03-10T08:00:00.000Z");
    expect(parseTimestampHeader("1710057600000")?.toISOString()).toBe("2024-03-10T08:00:00.000Z");
    expect(parseTimestampHeader("2024-03-10T08:00:00Z")?.toISOString()).toBe("2024-03-10T08:00:00.000Z");
    expect(parseTimestampHeader("soon")).toBeNull();
  });

  it("reads wall-clock times in a zone, across a DST change", () => {
    expect(wallTimeToInstant("2024-03-30T23:30:00.000", "Europe/Berlin")).toEqual({ instant: new Date("2024-03-30T22:30:00Z"), offsetMinutes: 60 });
    expect(wallTimeToInstant("2024-03-31T07:00:00", "Europe/Berlin")).toEqual({ instant: new Date("2024-03-31T05:00:00Z"), offsetMinutes: 120 });
    expect(wallTimeToInstant("not a time", "UTC")).toBeNull();
  });
});
