import { z } from "zod";
import { BASELINE_METRICS, CONTRIBUTOR_KEYS, FORECAST_METRICS, RISK_KINDS } from "../types";

/*
 * What the insights procedures answer (zod, safe to import from the client). Values are in
 * canonical units, as stored; the pages convert them for display.
 */

export const baselineView = z.object({ mean: z.number(), sd: z.number(), low: z.number(), high: z.number(), days: z.number() });

export const contributorView = z.object({
  key: z.enum(CONTRIBUTOR_KEYS),
  measure: z.string(),
  value: z.number().nullable(),
  baseline: baselineView.nullable(),
  z: z.number().nullable(),
  points: z.number(),
  weight: z.number(),
  explanation: z.string(),
});

export const scoreState = z.enum(["scored", "calibrating", "no_data"]);
export const scoreStatus = z.enum(["peak", "good", "fair", "low"]);

export const metricAgainstBaselineView = z.object({ value: z.number().nullable(), baseline: baselineView.nullable() });

/** A stored day's energy score with everything that explains it. */
export const scoreDayView = z.object({
  localDate: z.string(),
  state: scoreState,
  score: z.number().nullable(),
  status: scoreStatus.nullable(),
  confidence: z.number(),
  calibrationDaysLeft: z.number().nullable(),
  contributors: z.array(contributorView),
  metrics: z.partialRecord(z.enum(BASELINE_METRICS), metricAgainstBaselineView),
  guard: z.string().nullable(),
  computedAt: z.date(),
});
export type ScoreDayView = z.infer<typeof scoreDayView>;

/** A point of a score chart. */
export const scorePointView = z.object({ localDate: z.string(), state: scoreState, score: z.number().nullable(), status: scoreStatus.nullable() });
export type ScorePointView = z.infer<typeof scorePointView>;

export const expectedImpactView = z.object({ metric: z.string(), delta: z.number(), text: z.string() });
export const basisView = z.object({ kind: z.enum(["risk", "correlation", "contributor", "score"]), ref: z.string() });
export const recommendationStatus = z.enum(["open", "done", "dismissed"]);

export const recommendationView = z.object({
  id: z.string(),
  localDate: z.string(),
  title: z.string(),
  body: z.string(),
  narrative: z.string().nullable(),
  expectedImpact: expectedImpactView,
  priority: z.number(),
  basis: z.array(basisView),
  status: recommendationStatus,
  statusChangedAt: z.date().nullable(),
});
export type RecommendationView = z.infer<typeof recommendationView>;

export const riskEvidenceView = z.object({
  rule: z.string(),
  days: z.array(z.object({ date: z.string(), value: z.number(), baselineMean: z.number().nullable(), z: z.number().nullable() })),
});

export const riskView = z.object({
  id: z.string(),
  kind: z.enum(RISK_KINDS),
  localDate: z.string(),
  severity: z.enum(["low", "moderate", "high"]),
  title: z.string(),
  detail: z.string(),
  evidence: riskEvidenceView,
});
export type RiskView = z.infer<typeof riskView>;

export const dashboardView = z.object({
  /** The user's local date now. */
  today: z.string(),
  /** The newest stored score (today's, or the last day with data). */
  latest: scoreDayView.nullable(),
  /** Scores of the 7 days ending today, oldest first (days without a row are missing). */
  trend: z.array(scorePointView),
  /** Open recommendations of the newest day that has any (today or yesterday), top 3 by priority. */
  recommendations: z.array(recommendationView),
  /** All open recommendations of that day (the dashboard shows 3). */
  openRecommendations: z.number(),
  /** Risk flags raised today or yesterday, the newest per kind, most severe first. */
  risks: z.array(riskView),
  sync: z.object({ lastSyncAt: z.date().nullable(), connections: z.number() }),
  /** Whether any daily summary exists (data has arrived, even if not scored yet). */
  hasData: z.boolean(),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const correlationView = z.object({
  id: z.string(),
  computedOn: z.string(),
  x: z.string(),
  y: z.string(),
  lag: z.number(),
  kind: z.enum(["continuous", "binary"]),
  n: z.number(),
  pearsonR: z.number().nullable(),
  spearmanRho: z.number().nullable(),
  qValue: z.number(),
  significant: z.boolean(),
  effect: z.number(),
  effectLow: z.number(),
  effectHigh: z.number(),
  strength: z.enum(["weak", "moderate", "strong"]),
  sentence: z.string(),
});
export type CorrelationView = z.infer<typeof correlationView>;

export const correlationSummaryView = z.object({ computedOn: z.string().nullable(), tested: z.number(), significant: z.number() });

export const forecastMetric = z.enum(FORECAST_METRICS);

export const forecastPointView = z.object({ date: z.string(), horizon: z.number(), predicted: z.number(), low: z.number(), high: z.number() });
export const forecastHistoryView = z.object({
  date: z.string(),
  /** What happened (null when the day has no value). */
  actual: z.number().nullable(),
  /** The forecast made the day before (horizon 1), when one was stored. */
  predicted: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export const forecastAccuracyView = z.object({
  computedOn: z.string(),
  n: z.number(),
  meanAbsoluteError: z.number().nullable(),
  coverage: z.number().nullable(),
  nominalCoverage: z.number(),
});

export const metricForecastView = z.object({
  metric: forecastMetric,
  madeOn: z.string().nullable(),
  next: z.array(forecastPointView),
  history: z.array(forecastHistoryView),
  accuracy: forecastAccuracyView.nullable(),
});
export type MetricForecastView = z.infer<typeof metricForecastView>;
