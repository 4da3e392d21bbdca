/**
 * Unit conversions and formatting. Everything is stored metric; imperial is a view.
 * Precision: heights are kept to 0.1 cm and weights to 0.01 kg (the database column scales),
 * which is fine enough that a value typed in imperial reads back unchanged.
 */

export type UnitSystem = "metric" | "imperial";

export const CM_PER_INCH = 2.54;
export const KG_PER_LB = 0.45359237;

export const HEIGHT_CM_RANGE = { min: 50, max: 272 } as const;
export const WEIGHT_KG_RANGE = { min: 20, max: 400 } as const;

/** Rounds half away from zero to `decimals` places, without binary float surprises (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(12)))) / factor;
}

export interface FeetInches {
  feet: number;
  inches: number;
}

/** Whole feet and whole inches; 179.9 cm is 5 ft 11 in, never 5 ft 12 in. */
export function cmToFeetInches(cm: number): FeetInches {
  const totalInches = Math.round(cm / CM_PER_INCH);
  return { feet: Math.floor(totalInches / 12), inches: totalInches % 12 };
}

export function feetInchesToCm(feet: number, inches: number): number {
  return roundTo((feet * 12 + inches) * CM_PER_INCH, 1);
}

export function kgToLb(kg: number): number {
  return roundTo(kg / KG_PER_LB, 1);
}

export function lbToKg(lb: number): number {
  return roundTo(lb * KG_PER_LB, 2);
}

/** Drops a trailing ".0" so whole numbers read as whole numbers. */
function trimNumber(value: number, decimals: number): string {
  return String(roundTo(value, decimals));
}

export function formatHeight(cm: number | null | undefined, units: UnitSystem): string {
  if (cm == null) return "Not set";
  if (units === "metric") return `${trimNumber(cm, 0)} cm`;
  const { feet, inches } = cmToFeetInches(cm);
  return `${feet} ft ${inches} in`;
}

export function formatWeight(kg: number | null | undefined, units: UnitSystem): string {
  if (kg == null) return "Not set";
  if (units === "metric") return `${trimNumber(kg, 1)} kg`;
  return `${trimNumber(kgToLb(kg), 1)} lb`;
}

/** Height as the form fields of the chosen system show it. */
export function heightFields(cm: number | null | undefined, units: UnitSystem): { cm: string; feet: string; inches: string } {
  if (cm == null) return { cm: "", feet: "", inches: "" };
  if (units === "metric") return { cm: String(roundTo(cm, 1)), feet: "", inches: "" };
  const { feet, inches } = cmToFeetInches(cm);
  return { cm: "", feet: String(feet), inches: String(inches) };
}

export function weightField(kg: number | null | undefined, units: UnitSystem): string {
  if (kg == null) return "";
  return String(units === "metric" ? roundTo(kg, 1) : kgToLb(kg));
}
