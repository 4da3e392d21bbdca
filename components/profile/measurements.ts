import { feetInchesToCm, lbToKg, roundTo, type UnitSystem } from "@/server/account/profile/units";

/** The measurement inputs as typed; which ones are used depends on the unit system. */
export interface MeasurementFields {
  heightCm: string;
  heightFeet: string;
  heightInches: string;
  weight: string;
}

export interface ParsedMeasurements {
  /** Metric values to send; null clears a value the user emptied. */
  heightCm: number | null;
  weightKg: number | null;
  /** Keyed by form field: "height", "heightInches", "weight". */
  errors: Record<string, string>;
}

function parseNumber(text: string): number | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : "invalid";
}

/** Turns the typed values into metric numbers; range checks are the server's (one source of truth). */
export function parseMeasurements(fields: MeasurementFields, units: UnitSystem): ParsedMeasurements {
  const errors: Record<string, string> = {};
  let heightCm: number | null = null;
  let weightKg: number | null = null;

  if (units === "metric") {
    const cm = parseNumber(fields.heightCm);
    if (cm === "invalid") errors.height = "Enter your height as a number of centimetres.";
    else heightCm = cm === null ? null : roundTo(cm, 1);
  } else {
    const feet = parseNumber(fields.heightFeet);
    const inches = parseNumber(fields.heightInches);
    if (feet === "invalid" || (feet !== null && !Number.isInteger(feet))) errors.height = "Enter whole feet.";
    if (inches === "invalid" || (inches !== null && (inches < 0 || inches >= 12))) errors.heightInches = "Enter inches from 0 to 11.";
    else if (feet === null && inches !== null) errors.height = "Enter feet as well as inches.";
    if (!errors.height && !errors.heightInches && typeof feet === "number") heightCm = feetInchesToCm(feet, typeof inches === "number" ? inches : 0);
  }

  const weight = parseNumber(fields.weight);
  if (weight === "invalid") errors.weight = `Enter your weight as a number of ${units === "metric" ? "kilograms" : "pounds"}.`;
  else if (weight !== null) weightKg = units === "metric" ? roundTo(weight, 2) : lbToKg(weight);

  return { heightCm, weightKg, errors };
}
