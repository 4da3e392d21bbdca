import type { TrendMetric } from "@/server/health/analytics/trends/catalog";
import type { TrendChoice } from "./choice";

/* The queries of the Trends page (the server page prefetches exactly these). */

export const WEEKLY_WEEKS = 8;

export function seriesInputOf(choice: TrendChoice, metric: TrendMetric) {
  return { metric, from: choice.from, to: choice.to, bucket: choice.bucket };
}
