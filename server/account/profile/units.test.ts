import { describe, expect, it } from "vitest";
import { cmToFeetInches, feetInchesToCm, formatHeight, formatWeight, heightFields, kgToLb, lbToKg, roundTo, weightField } from "./units";

describe("roundTo", () => {
  it("rounds half away from zero without float artefacts", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(177.84999, 1)).toBe(177.8);
  });
});

describe("height", () => {
  it("converts centimetres to whole feet and inches", () => {
    expect(cmToFeetInches(177.8)).toEqual({ feet: 5, inches: 10 });
    expect(cmToFeetInches(152.4)).toEqual({ feet: 5, inches: 0 });
  });

  it("never produces 12 inches", () => {
    // 182.8 cm is 71.97 in: rounds up to 6 ft 0 in, not 5 ft 12 in.
    expect(cmToFeetInches(182.8)).toEqual({ feet: 6, inches: 0 });
  });

  it("converts feet and inches to centimetres at 0.1 cm", () => {
    expect(feetInchesToCm(5, 10)).toBe(177.8);
    expect(feetInchesToCm(5, 11)).toBe(180.3);
    expect(feetInchesToCm(6, 0)).toBe(182.9);
  });

  it("round-trips every whole inch from 2 ft to 8 ft", () => {
    for (let total = 24; total <= 96; total++) {
      const feet = Math.floor(total / 12);
      const inches = total % 12;
      expect(cmToFeetInches(feetInchesToCm(feet, inches))).toEqual({ feet, inches });
    }
  });
});

describe("weight", () => {
  it("converts kilograms and pounds", () => {
    expect(kgToLb(100)).toBe(220.5);
    expect(lbToKg(220)).toBe(99.79);
    expect(lbToKg(1)).toBe(0.45);
  });

  it("round-trips pounds typed to one decimal", () => {
    for (let tenths = 500; tenths <= 8000; tenths += 7) {
      const lb = tenths / 10;
      expect(kgToLb(lbToKg(lb))).toBe(lb);
    }
  });
});

describe("formatting", () => {
  it("shows metric values", () => {
    expect(formatHeight(177.8, "metric")).toBe("178 cm");
    expect(formatWeight(72.46, "metric")).toBe("72.5 kg");
    expect(formatWeight(80, "metric")).toBe("80 kg");
  });

  it("shows imperial values", () => {
    expect(formatHeight(177.8, "imperial")).toBe("5 ft 10 in");
    expect(formatWeight(lbToKg(180), "imperial")).toBe("180 lb");
  });

  it("says when a value is missing", () => {
    expect(formatHeight(null, "imperial")).toBe("Not set");
    expect(formatWeight(undefined, "metric")).toBe("Not set");
  });

  it("fills form fields in the chosen system", () => {
    expect(heightFields(177.8, "imperial")).toEqual({ cm: "", feet: "5", inches: "10" });
    expect(heightFields(177.8, "metric")).toEqual({ cm: "177.8", feet: "", inches: "" });
    expect(heightFields(null, "metric")).toEqual({ cm: "", feet: "", inches: "" });
    expect(weightField(lbToKg(165.5), "imperial")).toBe("165.5");
    expect(weightField(81.65, "metric")).toBe("81.7");
  });
});
