import { KCAL_TO_KJ, type Metric } from "../../types";

/** Converts an exported value in `unit` to the metric's SI unit; null when the unit is not one we know. */
type Converter = (value: number, unit: string) => number | null;

function scaled(factors: Readonly<Record<string, number>>): Converter {
  const byUnit = new Map(Object.entries(factors));
  return (value, unit) => {
    const factor = byUnit.get(unit);
    return factor === undefined ? null : value * factor;
  };
}

const perMinute = scaled({ "count/min": 1, "/min": 1, "count/s": 60 });
const milliseconds = scaled({ ms: 1, s: 1000 });
const count = scaled({ count: 1, "": 1 });
const meters = scaled({ m: 1, km: 1000, cm: 0.01, mm: 0.001, mi: 1609.344, ft: 0.3048, in: 0.0254, yd: 0.9144 });
const kilojoules = scaled({ kJ: 1, J: 0.001, kcal: KCAL_TO_KJ, Cal: KCAL_TO_KJ, cal: KCAL_TO_KJ / 1000 });
const kilograms = scaled({ kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125, st: 6.35029318 });
const grams = scaled({ g: 1, mg: 0.001, mcg: 0.000001, kg: 1000, oz: 28.349523125 });
const liters = scaled({ L: 1, mL: 0.001, dL: 0.1, cL: 0.01, fl_oz_us: 0.0295735295625, fl_oz_imp: 0.0284130625, cup_us: 0.2365882365 });
const bmi = scaled({ count: 1, "kg/m^2": 1, "": 1 });
const vo2max = scaled({ "mL/min·kg": 1, "mL/(kg·min)": 1, "ml/(kg*min)": 1 });

/** HealthKit's "%" unit carries fractions (0.97); a value above 1 can only be a percent number (97). */
const fraction: Converter = (value, unit) => {
  if (unit !== "%" && unit !== "") return null;
  return value > 1 ? value / 100 : value;
};

const celsius: Converter = (value, unit) => {
  if (unit === "degC") return value;
  if (unit === "degF") return ((value - 32) * 5) / 9;
  if (unit === "K") return value - 273.15;
  return null;
};

export interface QuantityMapping {
  metric: Metric;
  convert: Converter;
  /** A value of the whole night (start at bedtime, end at waking): read at its end, so it counts toward the wake-up day. */
  atEnd?: boolean;
}

const QUANTITY_TYPES: Record<string, QuantityMapping> = {
  HKQuantityTypeIdentifierHeartRate: { metric: "heart_rate", convert: perMinute },
  HKQuantityTypeIdentifierRestingHeartRate: { metric: "resting_heart_rate", convert: perMinute },
  HKQuantityTypeIdentifierHeartRateVariabilitySDNN: { metric: "hrv_sdnn", convert: milliseconds },
  HKQuantityTypeIdentifierStepCount: { metric: "steps", convert: count },
  HKQuantityTypeIdentifierDistanceWalkingRunning: { metric: "distance", convert: meters },
  HKQuantityTypeIdentifierActiveEnergyBurned: { metric: "active_energy", convert: kilojoules },
  HKQuantityTypeIdentifierBasalEnergyBurned: { metric: "basal_energy", convert: kilojoules },
  HKQuantityTypeIdentifierFlightsClimbed: { metric: "floors", convert: count },
  HKQuantityTypeIdentifierOxygenSaturation: { metric: "spo2", convert: fraction },
  HKQuantityTypeIdentifierRespiratoryRate: { metric: "respiratory_rate", convert: perMinute },
  HKQuantityTypeIdentifierBodyMass: { metric: "weight", convert: kilograms },
  HKQuantityTypeIdentifierBodyFatPercentage: { metric: "body_fat", convert: fraction },
  HKQuantityTypeIdentifierBodyMassIndex: { metric: "bmi", convert: bmi },
  HKQuantityTypeIdentifierHeight: { metric: "height", convert: meters },
  HKQuantityTypeIdentifierBodyTemperature: { metric: "body_temperature", convert: celsius },
  HKQuantityTypeIdentifierAppleSleepingWristTemperature: { metric: "skin_temperature", convert: celsius, atEnd: true },
  HKQuantityTypeIdentifierDietaryEnergyConsumed: { metric: "energy_intake", convert: kilojoules },
  HKQuantityTypeIdentifierDietaryProtein: { metric: "protein", convert: grams },
  HKQuantityTypeIdentifierDietaryCarbohydrates: { metric: "carbohydrates", convert: grams },
  HKQuantityTypeIdentifierDietaryFatTotal: { metric: "fat", convert: grams },
  HKQuantityTypeIdentifierDietaryWater: { metric: "water", convert: liters },
  HKQuantityTypeIdentifierVO2Max: { metric: "vo2max", convert: vo2max },
};

const QUANTITY_MAP = new Map(Object.entries(QUANTITY_TYPES));

export function quantityMapping(recordType: string): QuantityMapping | undefined {
  return QUANTITY_MAP.get(recordType);
}

export const convertLengthToMeters: Converter = meters;
export const convertEnergyToKJ: Converter = kilojoules;
export const convertHeartRate: Converter = perMinute;

const SECONDS_PER_UNIT = new Map(Object.entries({ s: 1, sec: 1, min: 60, hr: 3600, h: 3600, ms: 0.001 }));

/** Workout durations; Apple writes `durationUnit="min"` and older exports leave the unit out. */
export function durationSeconds(value: number, unit: string | undefined): number | null {
  const factor = SECONDS_PER_UNIT.get(unit ?? "min");
  return factor === undefined ? null : value * factor;
}
