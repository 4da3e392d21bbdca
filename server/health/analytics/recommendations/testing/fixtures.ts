import { addDays } from "../../../local-date";
import type { DayValues } from "../../../timeseries/rolling";
import type { FoundCorrelation, RaisedRisk, ScoredDay } from "../../stage";
import type { Contributor, ContributorKey, RiskKind, RiskSeverity } from "../../types";
import type { RecommendationInput } from "../model";

/* Fixtures for the recommendation rules (imported only by tests). */

export const TODAY = "2026-03-31";

export function contributor(key: ContributorKey, fields: Partial<Contributor> = {}): Contributor {
  return { key, measure: key, value: null, baseline: null, z: 0, points: 0, weight: 10, explanation: "", ...fields };
}

export function scoredDay(fields: Partial<ScoredDay> = {}): ScoredDay {
  return { date: TODAY, state: "scored", score: 72, status: "good", confidence: 0.9, contributors: [], baselines: {}, ...fields };
}

/** A flag whose evidence days end today with `values` (with their normal `mean`, when given). */
export function risk(kind: RiskKind, severity: RiskSeverity, values: number[], mean: number | null = null): RaisedRisk {
  return {
    kind,
    localDate: TODAY,
    severity,
    title: kind,
    detail: kind,
    evidence: { rule: kind, days: values.map((value, i) => ({ date: addDays(TODAY, i - values.length + 1), value, baselineMean: mean, z: null })) },
  };
}

export function correlation(fields: Partial<FoundCorrelation> & Pick<FoundCorrelation, "x" | "y">): FoundCorrelation {
  return { lag: 0, kind: "continuous", n: 40, qValue: 0.01, significant: true, effect: 0.4, effectLow: 0.1, effectHigh: 0.6, strength: "moderate", sentence: "A sentence", ...fields };
}

/** 28 days ending today: `usual` on the first 21, `lastWeek` on the last 7 (of `metric`). */
export function loadDays(usual: number, lastWeek: number, metric = "active_energy"): DayValues[] {
  return Array.from({ length: 28 }, (_, i) => ({ date: addDays(TODAY, i - 27), values: { [metric]: i >= 21 ? lastWeek : usual } }));
}

export function input(fields: Partial<RecommendationInput> = {}): RecommendationInput {
  return { today: TODAY, score: null, risks: [], correlations: [], days: [], scores: [], sleepNeedSeconds: 8 * 3600, ...fields };
}
