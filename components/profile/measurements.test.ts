import { describe, expect, it } from "vitest";
import { parseMeasurements } from "./measurements";

const blank = { heightCm: "", heightFeet: "", heightInches: "", weight: "" };

describe("parseMeasurements", () => {
  it("reads metric values", () => {
    expect(parseMeasurements({ ...blank, heightCm: "177.84", weight: "72,5" }, "metric")).toEqual({ heightCm: 177.8, weightKg: 72.5, errors: {} });
  });

  it("converts imperial values to metric", () => {
    expect(parseMeasurements({ ...blank, heightFeet: "5", heightInches: "10", weight: "180" }, "imperial")).toEqual({ heightCm: 177.8, weightKg: 81.65, errors: {} });
    expect(parseMeasurements({ ...blank, heightFeet: "6" }, "imperial")).toMatchObject({ heightCm: 182.9, weightKg: null });
  });

  it("treats empty fields as cleared", () => {
    expect(parseMeasurements(blank, "imperial")).toEqual({ heightCm: null, weightKg: null, errors: {} });
  });

  it("names the field that cannot be read", () => {
    expect(parseMeasurements({ ...blank, heightCm: "tall" }, "metric").errors).toEqual({ height: "Enter your height as a number of centimetres." });
    expect(parseMeasurements({ ...blank, heightFeet: "5", heightInches: "12" }, "imperial").errors).toEqual({ heightInches: "Enter inches from 0 to 11." });
    expect(parseMeasurements({ ...blank, heightInches: "4" }, "imperial").errors).toEqual({ height: "Enter feet as well as inches." });
    expect(parseMeasurements({ ...blank, heightFeet: "5.5" }, "imperial").errors).toEqual({ height: "Enter whole feet." });
    expect(parseMeasurements({ ...blank, weight: "lots" }, "imperial").errors).toEqual({ weight: "Enter your weight as a number of pounds." });
  });
});
