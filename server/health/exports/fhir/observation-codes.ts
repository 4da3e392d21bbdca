import { KCAL_TO_KJ } from "../../types";

/*
 * What the FHIR export says for each daily value BioSync stores (daily_summaries.values): LOINC
 * code and UCUM unit, checked against LOINC. Where LOINC has no code for a measure (HRV as RMSSD,
 * which wearables report: 80404-7 is the standard deviation of R-R intervals, i.e. SDNN; the
 * temperature's deviation from the personal baseline) the coding is BioSync's own.
 */

export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const BIOSYNC_METRICS = "urn:biosync:fhir:metric";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

export type ObservationCategory = "vital-signs" | "activity";

export interface ObservationCode {
  /** The key in daily_summaries.values. */
  key: string;
  codings: { system: string; code: string; display: string }[];
  text: string;
  category: ObservationCategory;
  unit: string;
  ucum: string;
  /** Stored value (SI, see METRIC_UNITS) → value in `ucum`. */
  convert: (stored: number) => number;
  decimals: number;
}

const same = (v: number) => v;
const percent = (fraction: number) => fraction * 100;
const loinc = (code: string, display: string) => ({ system: LOINC, code, display });
const own = (code: string, display: string) => ({ system: BIOSYNC_METRICS, code, display });

export const OBSERVATION_CODES: readonly ObservationCode[] = [
  { key: "heart_rate", codings: [loinc("8867-4", "Heart rate")], text: "Heart rate, mean of the day", category: "vital-signs", unit: "beats/minute", ucum: "/min", convert: same, decimals: 1 },
  { key: "resting_heart_rate", codings: [loinc("40443-4", "Heart rate --resting")], text: "Resting heart rate", category: "vital-signs", unit: "beats/minute", ucum: "/min", convert: same, decimals: 1 },
  { key: "hrv_sdnn", codings: [loinc("80404-7", "R-R interval.standard deviation (Heart rate variability)")], text: "Heart rate variability (SDNN)", category: "vital-signs", unit: "ms", ucum: "ms", convert: same, decimals: 1 },
  { key: "hrv_rmssd", codings: [own("hrv_rmssd", "Heart rate variability, root mean square of successive differences (RMSSD)")], text: "Heart rate variability (RMSSD)", category: "vital-signs", unit: "ms", ucum: "ms", convert: same, decimals: 1 },
  { key: "respiratory_rate", codings: [loinc("9279-1", "Respiratory rate")], text: "Breathing rate", category: "vital-signs", unit: "breaths/minute", ucum: "/min", convert: same, decimals: 1 },
  // The vital-signs profile asks for both: pulse oximetry and the general oxygen saturation code.
  { key: "spo2", codings: [loinc("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"), loinc("2708-6", "Oxygen saturation in Arterial blood")], text: "Blood oxygen", category: "vital-signs", unit: "%", ucum: "%", convert: percent, decimals: 1 },
  { key: "body_temperature", codings: [loinc("8310-5", "Body temperature")], text: "Body temperature", category: "vital-signs", unit: "°C", ucum: "Cel", convert: same, decimals: 2 },
  { key: "temperature_deviation", codings: [own("temperature_deviation", "Body temperature deviation from the personal baseline")], text: "Temperature deviation", category: "vital-signs", unit: "°C", ucum: "Cel", convert: same, decimals: 2 },
  { key: "weight", codings: [loinc("29463-7", "Body weight")], text: "Weight", category: "vital-signs", unit: "kg", ucum: "kg", convert: same, decimals: 2 },
  { key: "height", codings: [loinc("8302-2", "Body height")], text: "Height", category: "vital-signs", unit: "cm", ucum: "cm", convert: (m) => m * 100, decimals: 1 },
  { key: "bmi", codings: [loinc("39156-5", "Body mass index (BMI) [Ratio]")], text: "BMI", category: "vital-signs", unit: "kg/m2", ucum: "kg/m2", convert: same, decimals: 1 },
  { key: "body_fat", codings: [loinc("41982-0", "Percentage of body fat Measured")], text: "Body fat", category: "vital-signs", unit: "%", ucum: "%", convert: percent, decimals: 1 },
  { key: "steps", codings: [loinc("41950-7", "Number of steps in 24 hour Measured")], text: "Steps", category: "activity", unit: "steps/day", ucum: "/d", convert: same, decimals: 0 },
  { key: "active_energy", codings: [loinc("41981-2", "Calories burned")], text: "Active energy", category: "activity", unit: "kcal", ucum: "kcal", convert: (kj) => kj / KCAL_TO_KJ, decimals: 0 },
  { key: "sleep_asleep_seconds", codings: [loinc("93832-4", "Sleep duration")], text: "Time asleep", category: "activity", unit: "h", ucum: "h", convert: (s) => s / 3600, decimals: 2 },
  { key: "sleep_deep_seconds", codings: [loinc("93831-6", "Deep sleep duration")], text: "Deep sleep", category: "activity", unit: "h", ucum: "h", convert: (s) => s / 3600, decimals: 2 },
  { key: "sleep_light_seconds", codings: [loinc("93830-8", "Light sleep duration")], text: "Light sleep", category: "activity", unit: "h", ucum: "h", convert: (s) => s / 3600, decimals: 2 },
  { key: "sleep_rem_seconds", codings: [loinc("93829-0", "REM sleep duration")], text: "REM sleep", category: "activity", unit: "h", ucum: "h", convert: (s) => s / 3600, decimals: 2 },
];
