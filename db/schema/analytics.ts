import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type {
  BaselineMetric,
  Contributor,
  ExpectedImpact,
  MetricAgainstBaseline,
  RecommendationStatus,
  RiskEvidence,
  ScoreState,
  ScoreStatus,
  ScoreWeights,
} from "@/server/health/analytics/types";
import { RISK_KINDS, RISK_SEVERITIES } from "@/server/health/analytics/types";
import { ownerColumn, users } from "./auth";
import { syncColumns } from "./_columns";

/*
 * The insights layer: everything here is derived from daily_summaries by the recompute job
 * (server/health/analytics/recompute.ts) and read as stored, so a page never computes over raw
 * samples. Only the marks on recommendations and the weight overrides are written by the user.
 */

/** One row per user and local day: the energy score with the contributors that made it. */
export const energyScores = pgTable(
  "energy_scores",
  {
    userId: ownerColumn(),
    localDate: date("local_date").notNull(),
    state: text("state").$type<ScoreState>().notNull(),
    /** 0–100 when scored. */
    score: smallint("score"),
    status: text("status").$type<ScoreStatus>(),
    /** 0–1, from coverage of today's contributors and the age of the baselines. */
    confidence: real("confidence").notNull().default(0),
    /** While calibrating: days of data still needed. */
    calibrationDaysLeft: smallint("calibration_days_left"),
    contributors: jsonb("contributors").$type<Contributor[]>().notNull().default([]),
    /** Key metrics of the day beside their normal range. */
    metrics: jsonb("metrics").$type<Partial<Record<BaselineMetric, MetricAgainstBaseline>>>().notNull().default({}),
    /** Why the status was held down (e.g. resting HR clearly above normal), null when not. */
    guard: text("guard"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.localDate] }),
    // The admin overview's average over everyone's recent scores reads only this index.
    index("energy_scores_recent_idx").on(t.localDate, t.userId, t.score),
  ],
);

/** A user's own contributor weights (over the admin-set or documented defaults). */
export const scoreWeightOverrides = pgTable("score_weight_overrides", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  weights: jsonb("weights").$type<ScoreWeights>().notNull().default({}),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Service-wide analytics settings an admin sets (today: `score-weights`, the default weights). */
export const analyticsSettings = pgTable("analytics_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});

/** Every pair of daily series tested on the last recompute, significant or not (BH needs them all). */
export const correlations = pgTable(
  "correlations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    computedOn: date("computed_on").notNull(),
    /** The earlier series (the cause candidate) and the later one; `lag` days apart. */
    x: text("x").notNull(),
    y: text("y").notNull(),
    lag: smallint("lag").notNull(),
    /** continuous: r and ρ; binary: x is a yes/no series (or a threshold), effect = difference of means. */
    kind: text("kind").$type<"continuous" | "binary">().notNull(),
    n: integer("n").notNull(),
    pearsonR: doublePrecision("pearson_r"),
    pearsonP: doublePrecision("pearson_p"),
    spearmanRho: doublePrecision("spearman_rho"),
    spearmanP: doublePrecision("spearman_p"),
    /** Benjamini–Hochberg adjusted p across every pair of this recompute. */
    qValue: doublePrecision("q_value").notNull(),
    significant: boolean("significant").notNull(),
    /** Effect size with its 95% interval: r for continuous, relative difference for binary. */
    effect: doublePrecision("effect").notNull(),
    effectLow: doublePrecision("effect_low").notNull(),
    effectHigh: doublePrecision("effect_high").notNull(),
    strength: text("strength").$type<"weak" | "moderate" | "strong">().notNull(),
    sentence: text("sentence").notNull(),
  },
  (t) => [uniqueIndex("correlations_pair_uq").on(t.userId, t.x, t.y, t.lag), index("correlations_user_q_idx").on(t.userId, t.significant, t.qValue)],
);

/** Forecasts as they were made: a row per origin day and target day, so they can be scored later. */
export const forecasts = pgTable(
  "forecasts",
  {
    userId: ownerColumn(),
    metric: text("metric").notNull(),
    madeOn: date("made_on").notNull(),
    targetDate: date("target_date").notNull(),
    horizon: smallint("horizon").notNull(),
    predicted: doublePrecision("predicted").notNull(),
    /** The 80% prediction interval. */
    low: doublePrecision("low").notNull(),
    high: doublePrecision("high").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.metric, t.madeOn, t.targetDate] }), index("forecasts_user_target_idx").on(t.userId, t.metric, t.targetDate)],
);

/** How the forecasts of the last 30 days did against what then happened, per metric. */
export const forecastAccuracy = pgTable(
  "forecast_accuracy",
  {
    userId: ownerColumn(),
    metric: text("metric").notNull(),
    computedOn: date("computed_on").notNull(),
    /** Forecast/truth pairs scored (target days in the 30 days up to computedOn). */
    n: integer("n").notNull(),
    meanAbsoluteError: doublePrecision("mean_absolute_error"),
    /** Share of those truths inside the prediction interval (0–1). */
    coverage: doublePrecision("coverage"),
    /** The interval's nominal coverage (0.8). */
    nominalCoverage: real("nominal_coverage").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.metric] })],
);

/** Risk flags against personal baselines, one per kind and day raised. */
export const riskFlags = pgTable(
  "risk_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    /** A fixed vocabulary (declared as such, plain text in SQL): names, not data about anyone. */
    kind: text("kind", { enum: RISK_KINDS }).notNull(),
    /** The last day of the run of days that raised it. */
    localDate: date("local_date").notNull(),
    severity: text("severity", { enum: RISK_SEVERITIES }).notNull(),
    title: text("title").notNull(),
    detail: text("detail").notNull(),
    evidence: jsonb("evidence").$type<RiskEvidence>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("risk_flags_kind_day_uq").on(t.userId, t.kind, t.localDate), index("risk_flags_user_day_idx").on(t.userId, t.localDate)],
);

/** The action plan: what the rule engine recommends per day, and what the user did with it. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    /** The rule that fired (server/health/analytics/recommendations). */
    ruleId: text("rule_id").notNull(),
    localDate: date("local_date").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    expectedImpact: jsonb("expected_impact").$type<ExpectedImpact>().notNull(),
    /** Lower shows first. */
    priority: smallint("priority").notNull(),
    /** What raised it (risk kinds, correlation pairs, contributors), for "why am I seeing this". */
    basis: jsonb("basis").$type<{ kind: "risk" | "correlation" | "contributor" | "score"; ref: string }[]>().notNull().default([]),
    /** Text from the AI gateway, when one is configured and its answer passed validation. */
    narrative: text("narrative"),
    status: text("status").$type<RecommendationStatus>().notNull().default("open"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [uniqueIndex("recommendations_rule_day_uq").on(t.userId, t.ruleId, t.localDate), index("recommendations_user_status_idx").on(t.userId, t.status, t.localDate)],
);

/** Every call through the AI gateway: what was sent, what came back, and what was used. */
export const aiRequests = pgTable(
  "ai_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    feature: text("feature").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    /** The messages as sent (aggregates only; the gateway removed names, emails and notes). */
    prompt: jsonb("prompt").$type<unknown>().notNull(),
    answer: text("answer"),
    /** ok: the answer was used; invalid: it failed validation; failed: the call failed. Fallback text was used unless ok. */
    outcome: text("outcome").$type<"ok" | "invalid" | "failed">().notNull(),
    error: text("error"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ai_requests_user_created_idx").on(t.userId, t.createdAt)],
);
