/** How the dashboard shows stored daily values (canonical units) in the user's units. */

export type UnitSystem = "metric" | "imperial";

export interface MetricTile {
  key: string;
  label: string;
  /** Whether a higher value than the baseline is good news (colours the delta). */
  higherIsBetter: boolean | null;
  format: (value: number, units: UnitSystem) => string;
}

const KJ_PER_KCAL = 4.184;

export function formatDuration(seconds: number): string {
  const total = Math.round(seconds / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${m.toString().padStart(2, "0")} min` : `${m} min`;
}

const integer = (n: number) => Math.round(n).toLocaleString("en-US");

export const DASHBOARD_TILES: MetricTile[] = [
  { key: "sleep_asleep_seconds", label: "Sleep", higherIsBetter: true, format: (v) => formatDuration(v) },
  { key: "sleep_efficiency", label: "Sleep efficiency", higherIsBetter: true, format: (v) => `${Math.round(v * 100)} %` },
  { key: "hrv_rmssd", label: "HRV (RMSSD)", higherIsBetter: true, format: (v) => `${integer(v)} ms` },
  { key: "resting_heart_rate", label: "Resting heart rate", higherIsBetter: false, format: (v) => `${integer(v)} bpm` },
  { key: "readiness", label: "Readiness", higherIsBetter: true, format: (v) => integer(v) },
  { key: "steps", label: "Steps", higherIsBetter: true, format: (v) => integer(v) },
  { key: "active_energy", label: "Active energy", higherIsBetter: true, format: (v) => `${integer(v / KJ_PER_KCAL)} kcal` },
  {
    key: "distance",
    label: "Distance",
    higherIsBetter: true,
    format: (v, units) => (units === "imperial" ? `${(v / 1609.344).toFixed(1)} mi` : `${(v / 1000).toFixed(1)} km`),
  },
  { key: "temperature_deviation", label: "Temperature deviation", higherIsBetter: null, format: (v, units) => (units === "imperial" ? `${(v * 1.8).toFixed(1)} °F` : `${v.toFixed(1)} °C`) },
];

const EXTRA_FORMATS: Record<string, MetricTile["format"]> = {
  hrv_sdnn: (v) => `${integer(v)} ms`,
  respiratory_rate: (v) => `${v.toFixed(1)} /min`,
  sleep_debt_seconds: (v) => formatDuration(v),
  score: (v) => integer(v),
};

/** A stored value of any dashboard or insights metric in the user's units; unknown keys as a plain number. */
export function formatMetricValue(key: string, value: number, units: UnitSystem): string {
  const format = DASHBOARD_TILES.find((t) => t.key === key)?.format ?? EXTRA_FORMATS[key];
  return format ? format(value, units) : Number.isInteger(value) ? integer(value) : value.toFixed(1);
}

/** "+12 %" / "−3 %" against a baseline, or null when there is none. */
export function deltaAgainst(value: number, baseline: number | null | undefined): { text: string; direction: "up" | "down" | "flat" } | null {
  if (baseline == null || baseline === 0) return null;
  const pct = ((value - baseline) / Math.abs(baseline)) * 100;
  if (Math.abs(pct) < 1) return { text: "at baseline", direction: "flat" };
  return { text: `${pct > 0 ? "+" : "−"}${Math.abs(Math.round(pct))} % vs baseline`, direction: pct > 0 ? "up" : "down" };
}
