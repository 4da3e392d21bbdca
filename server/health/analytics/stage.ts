import type { Database } from "@/db";
import type { DayValues } from "../timeseries/rolling";
import type { Baseline, BaselineMetric, Contributor, RiskEvidence, RiskKind, RiskSeverity, ScoreState, ScoreStatus } from "./types";

/** A day as the energy score stage left it, for the stages after it. */
export interface ScoredDay {
  date: string;
  state: ScoreState;
  score: number | null;
  status: ScoreStatus | null;
  confidence: number;
  contributors: Contributor[];
  /** Per key metric: the day's value and its baseline (see BASELINE_METRICS). */
  baselines: Partial<Record<BaselineMetric, Baseline>>;
}

export interface RaisedRisk {
  kind: RiskKind;
  localDate: string;
  severity: RiskSeverity;
  title: string;
  detail: string;
  evidence: RiskEvidence;
}

export interface FoundCorrelation {
  x: string;
  y: string;
  lag: number;
  kind: "continuous" | "binary";
  n: number;
  qValue: number;
  significant: boolean;
  effect: number;
  effectLow: number;
  effectHigh: number;
  strength: "weak" | "moderate" | "strong";
  sentence: string;
}

/**
 * What one recompute of a user's insights works on. The orchestrator (./recompute.ts) loads the
 * history once; each stage reads it, writes its own tables through `db` (a transaction), and leaves
 * its results here for the stages after it. Order: energy-score → risks → correlations →
 * forecast → recommendations.
 */
export interface InsightContext {
  db: Database;
  userId: string;
  /** The user's local date now: the newest day insights are for. */
  today: string;
  timeZone: string;
  sleepNeedSeconds: number;
  /** Daily summary values (canonical units), oldest first, the whole stored history. */
  days: DayValues[];
  /** Filled by the energy score stage (every day of `days`, oldest first). */
  scores: ScoredDay[];
  /** Filled by the risks stage: flags raised on or near `today`. */
  risks: RaisedRisk[];
  /** Filled by the correlations stage: every pair tested. */
  correlations: FoundCorrelation[];
}

export interface InsightStage {
  name: string;
  run(ctx: InsightContext): Promise<void>;
  /**
   * Slow outside calls (the AI gateway) after the recompute's transaction has committed, so they
   * never hold it open; `ctx.db` is then the plain handle. A failure here is logged, not raised:
   * what the transaction stored stands.
   */
  afterCommit?(ctx: InsightContext): Promise<void>;
}
