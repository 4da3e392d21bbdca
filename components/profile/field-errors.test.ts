import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formErrorOf, messageOf } from "./field-errors";

describe("fieldErrorsOf", () => {
  const error = Object.assign(new Error("Invalid input"), {
    data: { fields: [{ path: "heightCm", message: "Too short" }, { path: "heightCm", message: "second" }, { path: "name", message: "Required" }] },
  });

  it("keeps the first message per field and renames server paths", () => {
    expect(fieldErrorsOf(error, { heightCm: "height" })).toEqual({ height: "Too short", name: "Required" });
  });

  it("is empty for errors without fields", () => {
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it("reports a form-level message only when no field is to blame", () => {
    expect(formErrorOf(new Error("Offline"), {})).toBe("Offline");
    expect(formErrorOf(error, { height: "Too short" })).toBeNull();
    expect(formErrorOf(null, {})).toBeNull();
  });

  it("reads a ZodError's issues by path (a sync mutation's bad args)", () => {
    const result = z.object({ quietHours: z.object({ start: z.string().min(5, "Enter a time like 08:00.") }) }).safeParse({ quietHours: { start: "8" } });
    expect(fieldErrorsOf(result.error, { "quietHours.start": "quietStart" })).toEqual({ quietStart: "Enter a time like 08:00." });
    expect(messageOf(result.error)).toBe("Enter a time like 08:00.");
    expect(messageOf(new Error("Offline"))).toBe("Offline");
  });
});
