import { formatDisplay } from "@/server/health/analytics/trends/units";

/* How the heart page words a value against the personal normal range (pure). */

export interface BandRead {
  text: string;
  tone: "good" | "warn" | "neutral";
}

/** "Within your normal range (52–58 bpm)", "4 bpm above your normal range (52–58 bpm)". */
export function againstBand(value: number, band: { low: number; high: number } | null, unit: string, decimals: number, higherIsBetter: boolean): BandRead {
  if (!band) return { text: "Your normal range appears after 14 days of data", tone: "neutral" };
  const range = `${formatDisplay(band.low, { label: "", decimals })}–${formatDisplay(band.high, { label: unit, decimals })}`;
  if (value >= band.low && value <= band.high) return { text: `Within your normal range (${range})`, tone: "good" };
  const above = value > band.high;
  const gap = formatDisplay(above ? value - band.high : band.low - value, { label: unit, decimals });
  return { text: `${gap} ${above ? "above" : "below"} your normal range (${range})`, tone: above === higherIsBetter ? "good" : "warn" };
}

/** The mean of hourly buckets weighted by their readings, and the day's extremes. */
export function daySummary(hours: readonly { avg: number; min: number; max: number; count: number }[]): { avg: number; min: number; max: number } | null {
  const readings = hours.reduce((a, h) => a + h.count, 0);
  if (readings === 0) return null;
  return {
    avg: hours.reduce((a, h) => a + h.avg * h.count, 0) / readings,
    min: Math.min(...hours.map((h) => h.min)),
    max: Math.max(...hours.map((h) => h.max)),
  };
}
