import { addDays, dateRange } from "../../local-date";
import type { DayValues } from "../../timeseries/rolling";
import type { RaisedRisk } from "../stage";
import type { Baseline } from "../types";
import { normalFromBaseline, priorNormal, type Normal, type RiskNormalMetric } from "./normals";
import { RISK_RULES, type DayHit, type RuleInput } from "./rules";

/** Days before the window whose hits still count toward a run's length (severity saturates by 7). */
export const RUN_LOOKBACK_DAYS = 14;
/** A flag is active while its run ended at most this many days before today (today, yesterday, the day before). */
export const ACTIVE_WITHIN_DAYS = 2;
const MAX_EVIDENCE_DAYS = 14;

export interface EvaluateOptions {
  /** Flags are raised for runs whose last day falls in [from, to]. */
  from: string;
  to: string;
  /** A baseline stored for the day (the energy score stage's), used instead of computing one. */
  storedBaseline?: (date: string, metric: RiskNormalMetric) => Baseline | undefined;
}

/** Every flag raised by the rules for runs ending in [from, to], oldest first within each kind (pure). */
export function evaluateRisks(days: readonly DayValues[], options: EvaluateOptions): RaisedRisk[] {
  const series = new Map<string, Map<string, number>>();
  const seriesOf = (key: string) => {
    let map = series.get(key);
    if (!map) {
      map = new Map(days.flatMap((d) => (Number.isFinite(d.values[key]) ? [[d.date, d.values[key]!] as const] : [])));
      series.set(key, map);
    }
    return map;
  };
  const normals = new Map<string, Normal | null>();
  const input: RuleInput = {
    value: (key, date) => seriesOf(key).get(date),
    normal(metric, date) {
      const key = `${metric}|${date}`;
      if (!normals.has(key)) {
        const stored = options.storedBaseline?.(date, metric);
        normals.set(key, stored ? normalFromBaseline(metric, stored) : priorNormal(seriesOf(metric), metric, date));
      }
      return normals.get(key)!;
    },
  };

  const dates = dateRange(addDays(options.from, -RUN_LOOKBACK_DAYS), options.to);
  const raised: RaisedRisk[] = [];
  for (const rule of RISK_RULES) {
    const hits = dates.map((date) => rule.hit(input, date)).filter((h): h is DayHit => h !== null);
    for (const run of consecutiveRuns(hits)) {
      const last = run[run.length - 1]!;
      if (run.length < rule.minDays || last.date < options.from) continue;
      raised.push({
        kind: rule.kind,
        localDate: last.date,
        severity: rule.severity(run),
        title: rule.title,
        detail: rule.detail(run),
        evidence: { rule: rule.rule, days: run.slice(-MAX_EVIDENCE_DAYS) },
      });
    }
  }
  return raised;
}

/** Hits grouped into runs of consecutive calendar days (hits ascending by date). */
export function consecutiveRuns(hits: readonly DayHit[]): DayHit[][] {
  const runs: DayHit[][] = [];
  for (const hit of hits) {
    const current = runs[runs.length - 1];
    if (current && addDays(current[current.length - 1]!.date, 1) === hit.date) current.push(hit);
    else runs.push([hit]);
  }
  return runs;
}

/** The flags active on `today`: their run ended within ACTIVE_WITHIN_DAYS before it (never after it). */
export function activeRisks(risks: readonly RaisedRisk[], today: string): RaisedRisk[] {
  const since = addDays(today, -ACTIVE_WITHIN_DAYS);
  return risks.filter((r) => r.localDate >= since && r.localDate <= today);
}
