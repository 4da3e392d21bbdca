import { KCAL_TO_KJ } from "../../types";
import type { TrendMetric } from "./catalog";

/*
 * The one conversion from canonical storage units (server/health/types.ts METRIC_UNITS: bpm, ms,
 * m, kJ, s, ratio 0–1, °C, kg …) to what a user reads, per unit system and energy unit. Safe to
 * import from the client: the trends read converts with it and the pages format with it.
 * Every conversion is affine (value × scale + offset), so it applies to averages, minimums and
 * maximums alike; a sum of n values converts as sum × scale + n × offset.
 */

export type UnitSystem = "metric" | "imperial";
export type EnergyUnit = "kcal" | "kJ";

export interface UnitPrefs {
  system: UnitSystem;
  energy: EnergyUnit;
}

export const DEFAULT_UNIT_PREFS: UnitPrefs = { system: "metric", energy: "kcal" };

export interface DisplayUnit {
  /** Shown after a number ("bpm", "km", "°F"); empty for plain scores and counts. */
  label: string;
  scale: number;
  offset: number;
  /** Decimals a value is shown with. */
  decimals: number;
}

const METRES_PER_MILE = 1609.344;
const METRES_PER_INCH = 0.0254;
const KG_PER_LB = 0.45359237;
const FL_OZ_PER_LITRE = 33.814022;

const unit = (label: string, scale = 1, decimals = 0, offset = 0): DisplayUnit => ({ label, scale, offset, decimals });

const same = (u: DisplayUnit) => ({ metric: u, imperial: u });

/** Per metric: the unit in each system (energy is decided by the energy unit, below). */
const UNITS: Record<Exclude<TrendMetric, "active_energy" | "total_energy" | "basal_energy" | "energy_intake">, { metric: DisplayUnit; imperial: DisplayUnit }> = {
  heart_rate: same(unit("bpm")),
  resting_heart_rate: same(unit("bpm")),
  lowest_heart_rate: same(unit("bpm")),
  hrv_rmssd: same(unit("ms")),
  hrv_sdnn: same(unit("ms")),
  respiratory_rate: same(unit("breaths/min", 1, 1)),
  spo2: same(unit("%", 100, 1)),
  vo2max: same(unit("mL/kg/min", 1, 1)),
  steps: same(unit("steps")),
  distance: { metric: unit("km", 1 / 1000, 2), imperial: unit("mi", 1 / METRES_PER_MILE, 2) },
  floors: same(unit("floors")),
  active_duration: same(unit("min", 1 / 60)),
  strain: same(unit("")),
  workouts: same(unit("workouts")),
  // A deviation has no zero point to shift: 1 °C of difference is 1.8 °F of difference.
  temperature_deviation: { metric: unit("°C", 1, 2), imperial: unit("°F", 1.8, 2) },
  skin_temperature: { metric: unit("°C", 1, 1), imperial: unit("°F", 1.8, 1, 32) },
  body_temperature: { metric: unit("°C", 1, 1), imperial: unit("°F", 1.8, 1, 32) },
  weight: { metric: unit("kg", 1, 1), imperial: unit("lb", 1 / KG_PER_LB, 1) },
  body_fat: same(unit("%", 100, 1)),
  bmi: same(unit("kg/m²", 1, 1)),
  height: { metric: unit("cm", 100), imperial: unit("in", 1 / METRES_PER_INCH, 1) },
  score: same(unit("")),
  readiness: same(unit("")),
  recovery: same(unit("")),
  sleep_score: same(unit("")),
  activity_score: same(unit("")),
  stress: same(unit("")),
  sleep_asleep_seconds: same(unit("h", 1 / 3600, 1)),
  sleep_in_bed_seconds: same(unit("h", 1 / 3600, 1)),
  sleep_light_seconds: same(unit("h", 1 / 3600, 1)),
  sleep_deep_seconds: same(unit("h", 1 / 3600, 1)),
  sleep_rem_seconds: same(unit("h", 1 / 3600, 1)),
  sleep_awake_seconds: same(unit("min", 1 / 60)),
  sleep_efficiency: same(unit("%", 100)),
  sleep_debt_seconds: same(unit("h", 1 / 3600, 1)),
  nap_seconds: same(unit("min", 1 / 60)),
  protein: same(unit("g")),
  carbohydrates: same(unit("g")),
  fat: same(unit("g")),
  water: { metric: unit("L", 1, 2), imperial: unit("fl oz", FL_OZ_PER_LITRE) },
};

const ENERGY: Record<EnergyUnit, DisplayUnit> = { kcal: unit("kcal", 1 / KCAL_TO_KJ), kJ: unit("kJ") };

function isEnergy(metric: TrendMetric): metric is "active_energy" | "total_energy" | "basal_energy" | "energy_intake" {
  return metric === "active_energy" || metric === "total_energy" || metric === "basal_energy" || metric === "energy_intake";
}

export function displayUnit(metric: TrendMetric, prefs: UnitPrefs): DisplayUnit {
  return isEnergy(metric) ? ENERGY[prefs.energy] : UNITS[metric][prefs.system];
}

/** Rounds to 4 decimals: enough for every unit above, and free of float noise (0.1 + 0.2). */
function tidy(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A canonical value in the user's unit. */
export function toDisplay(metric: TrendMetric, value: number, prefs: UnitPrefs): number {
  const u = displayUnit(metric, prefs);
  return tidy(value * u.scale + u.offset);
}

/** A sum of `n` canonical values in the user's unit. */
export function sumToDisplay(metric: TrendMetric, sum: number, n: number, prefs: UnitPrefs): number {
  const u = displayUnit(metric, prefs);
  return tidy(sum * u.scale + n * u.offset);
}

/** A difference or spread (SD, change vs last week) in the user's unit: scaled, never shifted. */
export function deltaToDisplay(metric: TrendMetric, delta: number, prefs: UnitPrefs): number {
  return tidy(delta * displayUnit(metric, prefs).scale);
}

const MINUS = "−";

/** A displayed number with its unit: "62 bpm", "7.5 h", "−0.36 °F", "1,204 kcal". */
export function formatDisplay(value: number, u: Pick<DisplayUnit, "label" | "decimals">, opts: { signed?: boolean } = {}): string {
  const text = Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: u.decimals, maximumFractionDigits: u.decimals });
  const rounded = Number(value.toFixed(u.decimals));
  const sign = rounded < 0 ? MINUS : opts.signed && rounded > 0 ? "+" : "";
  return `${sign}${text}${u.label ? ` ${u.label}` : ""}`;
}

/** A canonical value formatted in the user's unit. */
export function formatMetric(metric: TrendMetric, value: number, prefs: UnitPrefs, opts: { signed?: boolean } = {}): string {
  return formatDisplay(toDisplay(metric, value, prefs), displayUnit(metric, prefs), opts);
}

/** Seconds as "7 h 05 min" / "42 min" (durations read better in hours and minutes than as decimal hours). */
export function formatDuration(seconds: number): string {
  const total = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const sign = seconds < 0 && total > 0 ? MINUS : "";
  return h > 0 ? `${sign}${h} h ${String(m).padStart(2, "0")} min` : `${sign}${m} min`;
}

/** The units a profile asks for. */
export function unitPrefsOf(profile: { units: UnitSystem; energyUnit: EnergyUnit }): UnitPrefs {
  return { system: profile.units, energy: profile.energyUnit };
}
