import { TREND_METRICS, type TrendMetric } from "@/server/health/analytics/trends/catalog";
import { formatDuration, formatMetric, type UnitPrefs } from "@/server/health/analytics/trends/units";

/** How the dashboard and insights show stored daily values (canonical units) in the user's units. */

export { formatDuration, type UnitPrefs };

/** Lengths of time read better as "7 h 05 min" than as decimal hours. */
const DURATION_KEYS = new Set(["sleep_asleep_seconds", "sleep_in_bed_seconds", "sleep_debt_seconds", "nap_seconds"]);

const isTrendMetric = (key: string): key is TrendMetric => (TREND_METRICS as readonly string[]).includes(key);

/** A stored value of any dashboard or insights metric in the user's units; unknown keys as a plain number. */
export function formatMetricValue(key: string, value: number, units: UnitPrefs): string {
  if (DURATION_KEYS.has(key)) return formatDuration(value);
  if (isTrendMetric(key)) return formatMetric(key, value, units);
  return Number.isInteger(value) ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

/** "+12 %" / "−3 %" against a baseline, or null when there is none. */
export function deltaAgainst(value: number, baseline: number | null | undefined): { text: string; direction: "up" | "down" | "flat" } | null {
  if (baseline == null || baseline === 0) return null;
  const pct = ((value - baseline) / Math.abs(baseline)) * 100;
  if (Math.abs(pct) < 1) return { text: "at baseline", direction: "flat" };
  return { text: `${pct > 0 ? "+" : "−"}${Math.abs(Math.round(pct))} % vs baseline`, direction: pct > 0 ? "up" : "down" };
}
