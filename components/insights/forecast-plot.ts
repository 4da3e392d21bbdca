import type { ForecastChartPoint } from "@/components/charts/forecast-chart";
import type { MetricForecastView } from "@/server/health/analytics/insights/schemas";

/** How one forecast metric is plotted: its axis unit and scale (sleep in hours), and the points. */
export function forecastPlot(forecast: MetricForecastView): {
  points: ForecastChartPoint[];
  unit: string;
  tick: (value: number) => string;
  domain: [number | "auto", number | "auto"];
} {
  const scale = forecast.metric === "sleep_asleep_seconds" ? 1 / 3600 : 1;
  const unit = { score: "points", hrv_rmssd: "ms", resting_heart_rate: "bpm", sleep_asleep_seconds: "h" }[forecast.metric];
  const at = (v: number | null) => (v === null ? null : Math.round(v * scale * 10) / 10);
  const band = (low: number | null, high: number | null): [number, number] | null => (low === null || high === null ? null : [at(low)!, at(high)!]);
  const points: ForecastChartPoint[] = [
    ...forecast.history.map((d) => ({ date: d.date, actual: at(d.actual), predicted: at(d.predicted), band: band(d.low, d.high) })),
    ...forecast.next.map((p) => ({ date: p.date, actual: null, predicted: at(p.predicted), band: band(p.low, p.high) })),
  ];
  return {
    points,
    unit,
    tick: (v) => (scale === 1 ? String(Math.round(v)) : v.toFixed(1)),
    domain: forecast.metric === "score" ? [0, 100] : ["auto", "auto"],
  };
}
