import type { DayValues } from "../../timeseries/rolling";
import type { FoundCorrelation, RaisedRisk, ScoredDay } from "../stage";
import type { Contributor, ContributorKey, ExpectedImpact, RiskKind } from "../types";

/** What the rules see: one user's state on `today`. */
export interface RecommendationInput {
  today: string;
  /** The scored day the advice rests on: today's, else yesterday's (null when neither is scored). */
  score: ScoredDay | null;
  /** Flags active on today (see risks/evaluate.ts activeRisks). */
  risks: RaisedRisk[];
  /** Every pair tested; the rules use the significant ones. */
  correlations: FoundCorrelation[];
  /** Daily values, oldest first. */
  days: DayValues[];
  /** Every scored day (the energy score stage's), oldest first: the score as a series. */
  scores: ScoredDay[];
  sleepNeedSeconds: number;
}

/**
 * Why a recommendation was made. ref: a risk kind ("sleep_debt"), a contributor key
 * ("sleep_regularity"), a correlation "x|y|lag" ("steps_10k|sleep_asleep_seconds|0"), or the
 * scored day's date.
 */
export interface Basis {
  kind: "risk" | "correlation" | "contributor" | "score";
  ref: string;
}

export interface Recommendation {
  ruleId: string;
  title: string;
  body: string;
  expectedImpact: ExpectedImpact;
  /** Lower shows first: 1 health first, 6 nice to know. */
  priority: number;
  basis: Basis[];
}

export interface RecommendationRule {
  id: string;
  /** Risk kinds that make this rule fire (the coverage test checks every kind has one). */
  answers?: readonly RiskKind[];
  when(input: RecommendationInput): Omit<Recommendation, "ruleId"> | null;
}

/**
 * The expected gain on the score when no contributor of the user's own data says more: about a
 * quarter of a typical contributor's weight brought back from −1 SD to normal (weights 10–20 points:
 * 2 points).
 */
export const DEFAULT_SCORE_GAIN = 2;

export function contributorOf(input: RecommendationInput, key: ContributorKey): Contributor | undefined {
  return input.score?.contributors.find((c) => c.key === key);
}

export function riskOf(input: RecommendationInput, kind: RiskKind): RaisedRisk | undefined {
  return input.risks.find((r) => r.kind === kind);
}

/** Points a contributor took from the score (what getting it back to normal recovers), 0 when none. */
export function pointsRecoverable(...contributors: (Contributor | undefined)[]): number {
  return Math.round(contributors.reduce((acc, c) => acc + (c && c.points < 0 ? -c.points : 0), 0));
}

/** "about +4 to your energy score". */
export const scoreImpact = (points: number, how: string): ExpectedImpact => ({ metric: "score", delta: points, text: `about +${points} to your energy score ${how}` });
