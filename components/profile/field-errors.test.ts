import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formErrorOf } from "./field-errors";

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
});
